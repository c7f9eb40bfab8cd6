package dev.shimkit.workflow;

import dev.shimkit.errors.FlyteUserException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import java.util.function.Function;

/** Evaluates a {@link Condition} on the values of its promises, as Flyte's branch handler does. */
final class ConditionEval {
  private ConditionEval() {
  }

  static boolean eval(Condition c, Function<Promise<?>, Literal> lookup) {
    if (c instanceof Condition.Conjunction j) {
      boolean left = eval(j.left(), lookup);
      if (j.op() == Condition.Logic.AND) {
        return left && eval(j.right(), lookup);
      }
      return left || eval(j.right(), lookup);
    }
    Condition.Comparison cmp = (Condition.Comparison) c;
    Literal l = value(cmp.left(), lookup);
    Literal r = value(cmp.right(), lookup);
    boolean lNone = isNone(l);
    boolean rNone = isNone(r);
    if (lNone || rNone) {
      return switch (cmp.op()) {
        case EQ -> lNone && rNone;
        case NE -> !(lNone && rNone);
        default -> throw new FlyteUserException("Cannot order a missing value in " + c);
      };
    }
    if (!l.hasScalar() || !l.getScalar().hasPrimitive() || !r.hasScalar() || !r.getScalar().hasPrimitive()) {
      throw new FlyteUserException("Only primitive values can be compared, in " + c);
    }
    Integer order = order(l.getScalar().getPrimitive(), r.getScalar().getPrimitive());
    if (order == null) {
      return switch (cmp.op()) {
        case EQ -> false;
        case NE -> true;
        default -> throw new FlyteUserException("Cannot order values of different kinds in " + c);
      };
    }
    return switch (cmp.op()) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case LT -> order < 0;
      case LE -> order <= 0;
    };
  }

  private static Literal value(Condition.Operand o, Function<Promise<?>, Literal> lookup) {
    Literal l = o instanceof Condition.Ref r ? lookup.apply(r.promise()) : ((Condition.Value) o).literal();
    while (l.hasScalar() && l.getScalar().hasUnion()) {
      l = l.getScalar().getUnion().getValue();
    }
    return l;
  }

  private static boolean isNone(Literal l) {
    return l.hasScalar() && l.getScalar().hasNoneType();
  }

  private static Integer order(Primitive a, Primitive b) {
    boolean aNum = a.hasInteger() || a.hasFloatValue();
    boolean bNum = b.hasInteger() || b.hasFloatValue();
    if (aNum && bNum) {
      if (a.hasInteger() && b.hasInteger()) {
        return Long.compare(a.getInteger(), b.getInteger());
      }
      return Double.compare(a.hasInteger() ? a.getInteger() : a.getFloatValue(),
          b.hasInteger() ? b.getInteger() : b.getFloatValue());
    }
    if (a.getValueCase() != b.getValueCase()) {
      return null;
    }
    return switch (a.getValueCase()) {
      case STRING_VALUE -> Integer.signum(a.getStringValue().compareTo(b.getStringValue()));
      case BOOLEAN -> Boolean.compare(a.getBoolean(), b.getBoolean());
      case DATETIME -> compare(a.getDatetime().getSeconds(), a.getDatetime().getNanos(), b.getDatetime().getSeconds(),
          b.getDatetime().getNanos());
      case DURATION -> compare(a.getDuration().getSeconds(), a.getDuration().getNanos(), b.getDuration().getSeconds(),
          b.getDuration().getNanos());
      default -> null;
    };
  }

  private static int compare(long s1, int n1, long s2, int n2) {
    int c = Long.compare(s1, s2);
    return c != 0 ? c : Integer.compare(n1, n2);
  }
}
