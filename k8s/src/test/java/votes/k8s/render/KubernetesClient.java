package votes.k8s.render;

import java.nio.file.Path;
import votes.infra.debian.DebianPackage;

/**
 * Debian's {@code kubernetes-client} package (kubectl 1.20, whose {@code kubectl kustomize} is Kustomize 2.0.3):
 * a real Kustomize without a cluster or a Go toolchain.
 */
public final class KubernetesClient {

    static final String PACKAGE = "kubernetes-client";

    private KubernetesClient() {
    }

    /** The kubectl binary, fetched and unpacked once per {@code target/}. */
    public static Path kubectl(Path target) {
        return DebianPackage.binary(target, PACKAGE, "usr/bin/kubectl");
    }
}
