package votes.images.base;

/** One Debian binary package in the base, by the exact version that was unpacked: what the image's SBOM lists. */
public record DebianPackage(String name, String version, String architecture) {

    /** The package URL (purl spec, type {@code deb}) a CycloneDX component names it by. */
    public String purl() {
        return "pkg:deb/debian/" + name + "@" + version + "?arch=" + architecture + "&distro=debian-12";
    }

    /** How {@code apt-get download} names one exact version. */
    String pinned() {
        return name + "=" + version;
    }
}
