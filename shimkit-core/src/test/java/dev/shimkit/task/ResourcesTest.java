package dev.shimkit.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shimkit.errors.FlyteValidationException;
import dev.shimkit.task.internal.Quantities;
import flyteidl.core.Tasks;
import flyteidl.core.Tasks.Resources.ResourceName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourcesTest {

  @Test
  void builderKeepsValuesAsGivenAndPairsInOrder() {
    Resources r = Resources.builder().cpu("500m").mem("2Gi", "4Gi").gpu(1).ephemeralStorage(1024).build();

    assertThat(r.cpu()).contains(new ResourceValue.Single(Quantity.of("500m")));
    assertThat(r.mem()).contains(new ResourceValue.Pair(Quantity.of("2Gi"), Quantity.of("4Gi")));
    assertThat(r.gpu()).contains(new ResourceValue.Single(new Quantity("1", true)));
    assertThat(r.ephemeralStorage()).contains(new ResourceValue.Single(new Quantity("1024", true)));
    assertThat(r.isEmpty()).isFalse();
    assertThat(r).hasToString("Resources(cpu=500m, mem=(2Gi, 4Gi), gpu=1, ephemeral_storage=1024)");
  }

  @Test
  void numbersBecomeTheTextPythonStrWrites() {
    assertThat(Resources.builder().cpu(4).build().cpu()).contains(new ResourceValue.Single(new Quantity("4", true)));
    assertThat(Resources.builder().cpu(1.5).build().cpu().orElseThrow()).hasToString("1.5");
    assertThat(Resources.builder().cpu(2.0).build().cpu().orElseThrow()).hasToString("2.0");
    assertThat(Resources.builder().cpu(1.0, 2.5).build().cpu())
        .contains(new ResourceValue.Pair(new Quantity("1.0", true), new Quantity("2.5", true)));
    assertThat(Resources.builder().mem(1, 2).gpu(1, 2).ephemeralStorage(3, 4).cpu(5L, 6L).build().toString())
        .isEqualTo("Resources(cpu=(5, 6), mem=(1, 2), gpu=(1, 2), ephemeral_storage=(3, 4))");
    assertThat(Resources.builder().gpu("1", "2").ephemeralStorage("1Gi", "2Gi").cpu("1", "2").build().toString())
        .isEqualTo("Resources(cpu=(1, 2), gpu=(1, 2), ephemeral_storage=(1Gi, 2Gi))");
  }

  @ParameterizedTest
  @CsvSource({"1.5,1.5", "2.0,2.0", "0.1,0.1", "1e-05,1e-05", "1e16,1e+16", "0.0001,0.0001",
      "123456789012345.6,123456789012345.6", "1.2345e20,1.2345e+20", "1e15,1000000000000000.0", "9.999e-5,9.999e-05",
      "3e-7,3e-07", "0.0,0.0"})
  void pythonFloatMatchesPythonRepr(double value, String python) {
    assertThat(Quantities.pythonFloat(value)).isEqualTo(python);
  }

  @ParameterizedTest
  @ValueSource(strings = {"500m", "2Gi", "1.5", "4", "1e3", "100Ki", "0", ".5", "1.", "2E-2", "+1", "128M", "1Ei",
      "3k", "1.5e+3"})
  void acceptsKubernetesQuantities(String q) {
    assertThat(Resources.builder().mem(q).build().mem().orElseThrow()).hasToString(q);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2GB", "", "abc", "1.2.3", "Gi", "1 Gi", "1gi", "1K", "e3", "1e", "0x10", "1mi"})
  void rejectsNonsenseNamingFieldValueAndFix(String q) {
    assertThatThrownBy(() -> Resources.builder().mem(q))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessage("Resources.mem: \"" + q + "\" is not a Kubernetes quantity; use a suffix like Mi, Gi or M, G"
            + " (e.g. \"2Gi\")");
  }

  @Test
  void cpuAndGpuErrorsGiveTheirOwnHint() {
    assertThatThrownBy(() -> Resources.builder().cpu("2 cores"))
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageStartingWith("Resources.cpu: \"2 cores\" is not a Kubernetes quantity")
        .hasMessageContaining("\"500m\"");
    assertThatThrownBy(() -> Resources.builder().gpu("one"))
        .hasMessageStartingWith("Resources.gpu: \"one\"").hasMessageContaining("whole number");
    assertThatThrownBy(() -> Resources.builder().ephemeralStorage("10GB"))
        .hasMessageStartingWith("Resources.ephemeral_storage: \"10GB\"").hasMessageContaining("Gi");
  }

  @Test
  void rejectsNegativeNullNanAndNamesPairSide() {
    assertThatThrownBy(() -> Resources.builder().cpu(-1))
        .isInstanceOf(FlyteValidationException.class).hasMessageStartingWith("Resources.cpu: \"-1\" is negative");
    assertThatThrownBy(() -> Resources.builder().cpu("-500m")).hasMessageContaining("is negative");
    assertThatThrownBy(() -> Resources.builder().cpu(-0.5)).hasMessageContaining("\"-0.5\" is negative");
    assertThatThrownBy(() -> Resources.builder().cpu(Double.NaN))
        .isInstanceOf(FlyteValidationException.class).hasMessageStartingWith("Resources.cpu: NaN");
    assertThatThrownBy(() -> Resources.builder().cpu(Double.POSITIVE_INFINITY))
        .isInstanceOf(FlyteValidationException.class);
    assertThatThrownBy(() -> Resources.builder().mem((String) null))
        .isInstanceOf(FlyteValidationException.class).hasMessageContaining("Resources.mem: a value is required");
    assertThatThrownBy(() -> Resources.builder().mem("1Gi", "2GB"))
        .hasMessageStartingWith("Resources.mem (limit): \"2GB\"");
    assertThatThrownBy(() -> Resources.builder().mem("x", "2Gi"))
        .hasMessageStartingWith("Resources.mem (request): \"x\"");
    assertThatThrownBy(() -> Resources.builder().set(Resources.Name.GPU, Quantity.of("lots")))
        .hasMessageStartingWith("Resources.gpu: \"lots\"");
    assertThat(Resources.builder().cpu("-0").build().cpu()).isPresent();
  }

  @Test
  void laterSetReplacesAndClearUnsets() {
    Resources r = Resources.builder().cpu("1").cpu("2").mem("1Gi").clear(Resources.Name.MEM).build();
    assertThat(r.cpu().orElseThrow()).hasToString("2");
    assertThat(r.mem()).isEmpty();
    assertThat(Resources.builder().build()).isSameAs(Resources.empty());
    assertThat(Resources.empty().isEmpty()).isTrue();
    assertThat(r.toBuilder().gpu(1).build()).isEqualTo(Resources.builder().cpu("2").gpu(1).build());
    assertThat(r).isEqualTo(Resources.builder().cpu("2").build()).hasSameHashCodeAs(Resources.builder().cpu("2").build());
    assertThat(r).isNotEqualTo(Resources.builder().cpu(2).build());
  }

  @Test
  void resourceEntriesFollowOverrideOrderAndKeepNumericZero() {
    Resources r = Resources.builder().ephemeralStorage("1Gi").gpu(0).mem("2Gi").cpu(1.5).build();
    assertThat(r.toResourceEntries()).containsExactly(
        entry(ResourceName.CPU, "1.5"), entry(ResourceName.MEMORY, "2Gi"), entry(ResourceName.GPU, "0"),
        entry(ResourceName.EPHEMERAL_STORAGE, "1Gi"));
    assertThat(Resources.empty().toResourceEntries()).isEmpty();
  }

  @Test
  void pairsCannotBeUsedAsRequestOrLimitAlone() {
    Resources r = Resources.builder().cpu("1", "2").build();
    assertThatThrownBy(r::toResourceEntries)
        .isInstanceOf(FlyteValidationException.class)
        .hasMessageStartingWith("Resources.cpu: (1, 2) is a (request, limit) pair")
        .hasMessageContaining("ResourceSpec.fromMultipleResource");
    assertThatThrownBy(() -> r.singular(Resources.Name.CPU)).isInstanceOf(FlyteValidationException.class);
    assertThat(r.singular(Resources.Name.MEM)).isEmpty();
  }

  @Test
  void fromResourceEntriesReadsKnownNamesAndSkipsOthers() {
    List<Tasks.Resources.ResourceEntry> entries = List.of(entry(ResourceName.MEMORY, "1Gi"),
        entry(ResourceName.STORAGE, "5Gi"), entry(ResourceName.UNKNOWN, "1"), entry(ResourceName.CPU, "250m"),
        entry(ResourceName.CPU, "500m"));
    assertThat(Resources.fromResourceEntries(entries))
        .isEqualTo(Resources.builder().mem("1Gi").cpu("500m").build());
    assertThatThrownBy(() -> Resources.fromResourceEntries(List.of(entry(ResourceName.GPU, "many"))))
        .hasMessageStartingWith("Resources.gpu: \"many\"");
  }

  @Test
  void namesMapToIdl() {
    assertThat(Resources.Name.MEM.idl()).isEqualTo(ResourceName.MEMORY);
    assertThat(Resources.Name.EPHEMERAL_STORAGE.fieldName()).isEqualTo("ephemeral_storage");
  }

  @Test
  void quantityTruthinessFollowsPython() {
    assertThat(new Quantity("0", true).isTruthy()).isFalse();
    assertThat(new Quantity("0.0", true).isTruthy()).isFalse();
    assertThat(Quantity.of("0").isTruthy()).isTrue();
    assertThat(new Quantity("1", true).isTruthy()).isTrue();
    assertThatThrownBy(() -> new Quantity(null, false)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ResourceValue.Pair(Quantity.of("1"), null)).isInstanceOf(NullPointerException.class);
  }

  static Tasks.Resources.ResourceEntry entry(ResourceName name, String value) {
    return Tasks.Resources.ResourceEntry.newBuilder().setName(name).setValue(value).build();
  }
}
