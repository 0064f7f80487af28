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

    @Test
    void filesStayOnDiskUnlessABucketIsNamedAndItsSettingsAreRead() {
        Config.Storage local = Config.fromEnv(Map.of()).storage();
        assertThat(local.kind()).isEqualTo(Config.Storage.LOCAL);
        assertThat(local.region()).isEqualTo("us-east-1");
        assertThat(local.pathStyle()).isFalse();

        Config.Storage s3 = Config.fromEnv(Map.of("YTV2_STORAGE", "s3://ytv2-media/library/", "YTV2_S3_ENDPOINT", "http://minio:9000",
                "YTV2_S3_REGION", "auto", "YTV2_S3_ACCESS_KEY", "a", "YTV2_S3_SECRET_KEY", "b")).storage();
        assertThat(s3.kind()).isEqualTo(Config.Storage.S3);
        assertThat(s3.pathStyle()).as("path-style by default with an endpoint").isTrue();
        var settings = s3.s3(s3.s3Location().orElseThrow());
        assertThat(settings.bucket()).isEqualTo("ytv2-media");
        assertThat(settings.prefix()).isEqualTo("library/");
        assertThat(settings.region()).isEqualTo("auto");
        assertThat(Config.fromEnv(Map.of("YTV2_STORAGE", "s3://ytv2-media", "YTV2_S3_PATH_STYLE", "false", "YTV2_S3_ENDPOINT", "http://x:1"))
                .storage().pathStyle()).isFalse();
    }

    @Test
    void anUnusableStorageSettingIsRefusedWithItsName() {
        assertThatThrownBy(() -> Config.fromEnv(Map.of("YTV2_STORAGE", "ftp://somewhere"))).hasMessageContaining("YTV2_STORAGE");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("YTV2_STORAGE", "s3://Bad_Bucket/x"))).hasMessageContaining("s3://bucket/prefix");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("YTV2_STORAGE", "s3://bucket/../up"))).hasMessageContaining("prefix");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("YTV2_STORAGE", "s3://bucket", "YTV2_S3_ENDPOINT", "minio:9000")))
                .hasMessageContaining("YTV2_S3_ENDPOINT");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("YTV2_STORAGE", "s3://bucket", "YTV2_S3_ACCESS_KEY", "only-one")))
                .hasMessageContaining("YTV2_S3_SECRET_KEY");
    }
}
