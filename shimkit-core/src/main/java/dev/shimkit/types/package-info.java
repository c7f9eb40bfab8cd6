/**
 * The type engine: Java values ↔ Flyte literals, byte-compatible with flytekit 1.15.
 *
 * <h2>Built-in mapping (declared Java type → literal type → guessed Java type)</h2>
 * <table>
 * <caption>built-in transformers</caption>
 * <tr><th>Java</th><th>LiteralType</th><th>guess</th></tr>
 * <tr><td>long, Long, int, Integer, short, byte</td><td>INTEGER</td><td>Long</td></tr>
 * <tr><td>double, Double, float, Float</td><td>FLOAT</td><td>Double</td></tr>
 * <tr><td>String</td><td>STRING</td><td>String</td></tr>
 * <tr><td>boolean, Boolean</td><td>BOOLEAN</td><td>Boolean</td></tr>
 * <tr><td>Instant (UTC, nanoseconds kept)</td><td>DATETIME</td><td>Instant</td></tr>
 * <tr><td>Duration</td><td>DURATION</td><td>Duration</td></tr>
 * <tr><td>Void (only null)</td><td>NONE</td><td>Void</td></tr>
 * <tr><td>byte[]</td><td>BINARY</td><td>byte[]</td></tr>
 * <tr><td>flyteidl {@code Types.Error}</td><td>ERROR</td><td>{@code Types.Error}</td></tr>
 * <tr><td>{@code List<T>}</td><td>collection</td><td>{@code List<guess>}</td></tr>
 * <tr><td>{@code Map<String,T>}</td><td>map</td><td>{@code Map<String,guess>}</td></tr>
 * <tr><td>{@code Map<String,Object>}, raw Map</td><td>STRUCT (msgpack)</td><td>-</td></tr>
 * <tr><td>record, POJO</td><td>STRUCT + JSON schema + dataclass_type (msgpack)</td>
 *     <td>STRUCT → {@code Map<String,Object>} (class unknown)</td></tr>
 * <tr><td>enum (value: {@link dev.shimkit.types.FlyteEnum} or toString())</td><td>enum_type</td>
 *     <td>String (enum class unknown)</td></tr>
 * <tr><td>{@code Optional<T>}</td><td>union[T, NONE] tagged like flytekit</td>
 *     <td>{@code Optional<guess>}; other unions → Object</td></tr>
 * <tr><td>FlyteFile / FlyteDirectory</td><td>blob SINGLE / MULTIPART</td><td>same</td></tr>
 * <tr><td>StructuredDataset</td><td>structured_dataset_type</td><td>from structured dataset and SCHEMA</td></tr>
 * <tr><td>Literal, LiteralMap values</td><td>passed through</td><td>-</td></tr>
 * </table>
 *
 * <p>A value declared {@code Object} is written by its runtime class and read by its literal's shape
 * (integer → Long, collection → List, msgpack/JSON struct → Map, blob → FlyteFile/FlyteDirectory, ...).
 * A null value is written as NONE only where the type allows it: {@code Optional}, {@code Void}, or an
 * expected union with a NONE variant; a union literal read into a plain type (e.g. {@code Long}) gives its
 * value, or null for NONE. Boxed types therefore declare plain simple types (like Python's {@code int}).
 *
 * <h2>Extending</h2>
 * Implement {@link dev.shimkit.types.TypeTransformer} and list it in
 * {@code META-INF/services/dev.shimkit.types.TypeTransformer}; ServiceLoader transformers are asked before
 * the built-ins (higher priority first), so they can override any built-in.
 */
package dev.shimkit.types;
