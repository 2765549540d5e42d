package votes.images.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaseImageTest {

    private static final DebianPackage JRE = new DebianPackage("openjdk-17-jre-headless", "17.0.21.1+2-1~deb12u1",
            "amd64");

    @Test
    void theSamePackageVersionsNameTheSameCachedBase() {
        assertThat(BaseImage.key(List.of(JRE))).isEqualTo(BaseImage.key(List.of(JRE)));
    }

    @Test
    void aNewVersionOfAnyPackageNamesANewBase() {
        DebianPackage patched = new DebianPackage(JRE.name(), "17.0.22+1-1~deb12u1", "amd64");
        assertThat(BaseImage.key(List.of(patched))).isNotEqualTo(BaseImage.key(List.of(JRE)));
    }
}
