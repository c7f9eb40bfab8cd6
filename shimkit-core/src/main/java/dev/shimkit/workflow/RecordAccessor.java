package dev.shimkit.workflow;

import dev.shimkit.errors.FlyteValidationException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.function.Function;

/**
 * A method reference to a record component, such as {@code AddIn::x}: names a task input or output so the
 * compiler checks the promise's Java type against the component's. Only method references to record
 * accessors are accepted (their names are read back from the serialized lambda), never arbitrary lambdas.
 *
 * @param <R> the record
 * @param <T> the component's type
 */
@FunctionalInterface
public interface RecordAccessor<R, T> extends Function<R, T>, Serializable {

  /** The name of the record component {@code accessor} refers to. */
  static String componentName(RecordAccessor<?, ?> accessor) {
    SerializedLambda lambda;
    try {
      Method writeReplace = accessor.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      lambda = (SerializedLambda) writeReplace.invoke(accessor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new FlyteValidationException("Cannot read the record component of " + accessor
          + ": pass a method reference to a record accessor, such as In::x", e);
    }
    String method = lambda.getImplMethodName();
    String owner = lambda.getImplClass().replace('/', '.');
    if (method.startsWith("lambda$")) {
      throw new FlyteValidationException("Expected a record accessor method reference (such as In::x), got a "
          + "lambda written in " + owner + "; name the component with a method reference or use its name");
    }
    Class<?> record;
    try {
      record = Class.forName(owner, false, accessor.getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new FlyteValidationException("Cannot load " + owner + " named by accessor " + method, e);
    }
    if (record.isRecord()) {
      for (RecordComponent c : record.getRecordComponents()) {
        if (c.getName().equals(method) && lambda.getImplMethodSignature().startsWith("()")) {
          return method;
        }
      }
    }
    throw new FlyteValidationException(owner + "::" + method + " is not a record component accessor; task "
        + "inputs and outputs are named by the components of their records");
  }
}
