package dev.ytv2.files;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import static dev.ytv2.files.S3FileStore.Parts.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a large object is cut into parts: within S3's limits (10,000 parts of 5 MiB to 5 GiB) for any object S3 takes. */
@UnitTest
class S3PartsTest {
    static final long GIB = 1024 * MIB;

    @Test
    void partsKeepTheirSizeUntilTenThousandOfThemWouldNotHoldTheObject() {
        S3FileStore.Parts parts = S3FileStore.Parts.DEFAULT;
        assertThat(parts.sizeFor(5 * GIB)).isEqualTo(16 * MIB);
        assertThat(parts.sizeFor(156 * GIB)).isEqualTo(16 * MIB);
        long fiveTib = 5 * 1024 * GIB;
        long part = parts.sizeFor(fiveTib);
        assertThat(part % MIB).isZero();
        assertThat((fiveTib + part - 1) / part).isLessThanOrEqualTo(10_000);
        assertThat(part).isLessThanOrEqualTo(5 * GIB);
    }

    @Test
    void partsSmallerThanS3AcceptsOrAThresholdBelowThePartSizeAreRefused() {
        assertThatThrownBy(() -> new S3FileStore.Parts(64 * MIB, 4 * MIB)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3FileStore.Parts(8 * MIB, 16 * MIB)).isInstanceOf(IllegalArgumentException.class);
    }
}
