package dev.shimkit.workflow;

import dev.shimkit.shim.CustomizedContainerTask;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.Task;
import dev.shimkit.task.TaskInterface;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads interfaces of the things a workflow calls: defaults, optional inputs, output and input types. */
final class Signatures {
  private Signatures() {
  }

  static Map<String, Object> taskDefaults(Task task) {
    TaskInterface ti = task instanceof JavaTask<?, ?> jt ? jt.javaInterface()
        : task instanceof CustomizedContainerTask<?> ct ? ct.javaInterface() : null;
    Map<String, Object> out = new LinkedHashMap<>();
    if (ti != null) {
      ti.inputs().forEach((k, p) -> p.defaultValueIfAny().ifPresent(d -> out.put(k, d)));
    }
    return out;
  }

  static boolean isOptional(LiteralType lt) {
    if (!lt.hasUnionType()) {
      return false;
    }
    for (LiteralType v : lt.getUnionType().getVariantsList()) {
      if (v.hasSimple() && v.getSimple() == SimpleType.NONE) {
        return true;
      }
    }
    return false;
  }

  static boolean hasPromise(Collection<?> values) {
    for (Object o : values) {
      if (o instanceof Promise<?>) {
        return true;
      }
    }
    return false;
  }

  static Type typeArgument(Type t, int index) {
    if (t instanceof ParameterizedType pt && pt.getActualTypeArguments().length > index) {
      return pt.getActualTypeArguments()[index];
    }
    return null;
  }

  static Map<String, LiteralType> outputTypesOf(Workflow.Compiled c) {
    Map<String, LiteralType> out = new LinkedHashMap<>();
    c.outputs().forEach((k, v) -> out.put(k, v.literalType()));
    return out;
  }

  static Map<String, Type> outputJavaTypesOf(Workflow.Compiled c) {
    Map<String, Type> out = new LinkedHashMap<>();
    c.outputs().forEach((k, v) -> out.put(k, v.javaType()));
    return out;
  }

  static Map<String, Type> inputJavaTypesOf(Workflow.Compiled c) {
    Map<String, Type> out = new LinkedHashMap<>();
    c.inputs().forEach((k, v) -> out.put(k, v.javaType()));
    return out;
  }
}
