package dev.shimkit.workflow;

import dev.shimkit.errors.FlyteValidationException;
import flyteidl.admin.ScheduleOuterClass;
import flyteidl.admin.ScheduleOuterClass.CronSchedule;
import flyteidl.admin.ScheduleOuterClass.FixedRate;
import flyteidl.admin.ScheduleOuterClass.FixedRateUnit;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a launch plan runs by itself: a cron schedule (standard five fields or an alias such as
 * {@code @daily}, with an optional ISO-8601 offset), the older six-field AWS cron expression, or a fixed rate
 * of whole minutes, hours or days. Validated as flytekit's {@code CronSchedule}/{@code FixedRate}; serializes
 * to {@code flyteidl.admin.Schedule}. {@link #withKickoffTimeInputArg} names the datetime input that receives
 * the scheduled time.
 */
public final class Schedule {
  private static final Set<String> ALIASES = Set.of("hourly", "hours", "@hourly", "daily", "days", "@daily",
      "weekly", "weeks", "@weekly", "monthly", "months", "@monthly", "annually", "@annually", "yearly", "years",
      "@yearly");
  private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*?/,#-]+");
  private static final Pattern OFFSET = Pattern.compile("([-+]?)P([-+0-9YMWD]+)?(T([-+0-9HMS.,]+)?)?");

  private final ScheduleOuterClass.Schedule.Builder idl;

  private Schedule(ScheduleOuterClass.Schedule.Builder idl) {
    this.idl = idl;
  }

  /** A cron schedule: five fields ({@code "0 9 * * 1-5"}) or an alias ({@code "@daily"}). */
  public static Schedule cron(String schedule) {
    return cron(schedule, null);
  }

  /** A cron schedule shifted by an ISO-8601 duration such as {@code "P1D"}. */
  public static Schedule cron(String schedule, String offset) {
    if (schedule == null || (!ALIASES.contains(schedule.toLowerCase(Locale.ROOT)) && !fields(schedule, 5))) {
      throw new FlyteValidationException("Schedule is invalid. It must be set to either a cron alias ("
          + "@hourly, @daily, ...) or a valid five-field cron expression. Provided schedule: " + schedule);
    }
    CronSchedule.Builder c = CronSchedule.newBuilder().setSchedule(schedule);
    if (offset != null) {
      if (!OFFSET.matcher(offset).matches()) {
        throw new FlyteValidationException("Offset is invalid. It must be an ISO 8601 duration. Provided offset: "
            + offset);
      }
      c.setOffset(offset);
    }
    return new Schedule(ScheduleOuterClass.Schedule.newBuilder().setCronSchedule(c));
  }

  /**
   * The older AWS-style cron expression of six fields ({@code minute hour day-of-month month day-of-week
   * year}) with a {@code ?} in day-of-month or day-of-week, e.g. {@code "0 10 * * ? *"}.
   */
  public static Schedule cronExpression(String expression) {
    if (expression == null || !fields(expression, 6)) {
      throw new FlyteValidationException("Cron expression is invalid. A cron expression must have 6 fields: "
          + "minute hour day-of-month month day-of-week year. Use cron(...) for 5 fields. Received: " + expression);
    }
    String[] f = expression.trim().split("\\s+");
    if (!"?".equals(f[2]) && !"?".equals(f[4])) {
      throw new FlyteValidationException("Cron expression is invalid: it must have a '?' for either day-of-month "
          + "or day-of-week. Received: " + expression);
    }
    return new Schedule(ScheduleOuterClass.Schedule.newBuilder().setCronExpression(expression));
  }

  /** Every {@code duration}: whole minutes, hours or days (the largest unit that divides it). */
  public static Schedule fixedRate(Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero() || duration.getNano() != 0
        || duration.getSeconds() % 60 != 0) {
      throw new FlyteValidationException("Granularity of less than a minute is not supported for fixed-rate "
          + "schedules. Received: " + duration);
    }
    long seconds = duration.getSeconds();
    FixedRate rate;
    if (seconds % 86_400 == 0) {
      rate = FixedRate.newBuilder().setValue((int) (seconds / 86_400)).setUnit(FixedRateUnit.DAY).build();
    } else if (seconds % 3_600 == 0) {
      rate = FixedRate.newBuilder().setValue((int) (seconds / 3_600)).setUnit(FixedRateUnit.HOUR).build();
    } else {
      rate = FixedRate.newBuilder().setValue((int) (seconds / 60)).setUnit(FixedRateUnit.MINUTE).build();
    }
    return new Schedule(ScheduleOuterClass.Schedule.newBuilder().setRate(rate));
  }

  /** The same schedule, passing the scheduled time to the workflow's datetime input {@code inputName}. */
  public Schedule withKickoffTimeInputArg(String inputName) {
    return new Schedule(idl.clone().setKickoffTimeInputArg(inputName));
  }

  /** The datetime input that receives the scheduled time, if any. */
  public Optional<String> kickoffTimeInputArg() {
    return idl.getKickoffTimeInputArg().isEmpty() ? Optional.empty() : Optional.of(idl.getKickoffTimeInputArg());
  }

  public ScheduleOuterClass.Schedule toIdl() {
    return idl.build();
  }

  private static boolean fields(String expression, int count) {
    String[] f = expression.trim().split("\\s+");
    if (f.length != count) {
      return false;
    }
    for (String s : f) {
      if (!FIELD.matcher(s).matches()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Schedule(" + com.google.protobuf.TextFormat.shortDebugString(idl) + ")";
  }
}
