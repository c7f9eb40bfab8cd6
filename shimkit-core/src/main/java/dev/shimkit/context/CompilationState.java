package dev.shimkit.context;

/**
 * State of a workflow being compiled: the prefix of node ids. The workflow layer extends this with the nodes
 * it collects.
 *
 * @param prefix prepended to generated node ids (empty at the top level)
 */
public record CompilationState(String prefix) {
  public CompilationState {
    prefix = prefix == null ? "" : prefix;
  }
}
