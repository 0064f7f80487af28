package dev.ytv2.app;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings: a mode changes defaults, never what the environment set. */
@UnitTest
class ConfigTest {
    @Test
    void demoTurnsOnAutomaticImagesAndPacingOnlyWhereTheEnvironmentIsSilent() {
        Config plain = Config.fromEnv(Map.of()).withDemoDefaults();
        assertThat(plain.autoImages()).isTrue();
        assertThat(plain.render().builtinPace()).isEqualTo(Duration.ofSeconds(3));

        for (String off : new String[] {"0", "false", "no", "off", "FALSE"}) {
            Config explicit = Config.fromEnv(Map.of("YTV2_AUTO_IMAGES", off, "YTV2_BUILTIN_PACE_SECONDS", "0")).withDemoDefaults();
            assertThat(explicit.autoImages()).as(off).isFalse();
            assertThat(explicit.render().builtinPace()).isZero();
        }
        assertThat(Config.fromEnv(Map.of("YTV2_AUTO_IMAGES", "1")).autoImages()).isTrue();
        assertThat(Config.fromEnv(Map.of()).autoImages()).isFalse();
        assertThat(Config.fromEnv(Map.of()).render().builtinPace()).isZero();
    }

    @Test
    void anUnreadableSwitchIsRefusedWithItsName() {
        assertThatThrownBy(() -> Config.fromEnv(Map.of("YTV2_AUTO_IMAGES", "sometimes")))
                .hasMessage("YTV2_AUTO_IMAGES must be true or false (or 1/0), got 'sometimes'");
    }

    @Test
    void theDemoSeedingRendersWithBuiltinUnlessToldOtherwise() {
        assertThat(Config.fromEnv(Map.of("YTV2_IMAGE_BACKENDS", "sdapi,builtin")).demoImageBackends()).containsExactly("builtin");
        assertThat(Config.fromEnv(Map.of("YTV2_DEMO_IMAGE_BACKENDS", "sdapi, builtin")).demoImageBackends())
                .containsExactly("sdapi", "builtin");
    }
}
