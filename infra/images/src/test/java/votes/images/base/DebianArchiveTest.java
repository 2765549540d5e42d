package votes.images.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DebianArchiveTest {

    private static final String SHOW = """
            Package: zlib1g
            Source: zlib
            Version: 1:1.2.13.dfsg-1
            Installed-Size: 168
            Architecture: amd64
            Description: compression library - runtime
             Version: 9.9 is a continuation line, not a field

            Package: ca-certificates
            Version: 20250419~deb12u2
            Architecture: all
            """;

    @Test
    void readsEachPackagesVersionAndArchitectureInTheOrderAsked() {
        assertThat(DebianArchive.parse(SHOW, List.of("ca-certificates", "zlib1g"))).containsExactly(
                new DebianPackage("ca-certificates", "20250419~deb12u2", "all"),
                new DebianPackage("zlib1g", "1:1.2.13.dfsg-1", "amd64"));
    }

    @Test
    void aPackageTheListsDoNotOfferFailsByName() {
        assertThatThrownBy(() -> DebianArchive.parse(SHOW, List.of("libc6")))
                .hasMessageContaining("offer no libc6");
    }

    @Test
    void aPackageUrlNamesTheExactVersionAndArchitecture() {
        assertThat(new DebianPackage("zlib1g", "1:1.2.13.dfsg-1", "amd64").purl())
                .isEqualTo("pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12");
    }
}
