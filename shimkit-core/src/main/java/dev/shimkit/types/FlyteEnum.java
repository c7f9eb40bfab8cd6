package dev.shimkit.types;

/**
 * Lets a Java enum choose the string Flyte sees for each constant, like the value of a Python
 * {@code enum.Enum} ({@code RED = "red"}). Without it the engine uses the constant's {@code toString()},
 * which is its name unless overridden.
 */
public interface FlyteEnum {
  /** The string this constant is written as (an {@code enum_type} value and a string literal). */
  String flyteValue();
}
