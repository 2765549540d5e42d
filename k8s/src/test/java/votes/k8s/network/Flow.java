package votes.k8s.network;

/**
 * One allowed connection: from a peer to a peer on a TCP/UDP port. Peers are named as k8s/README.md's flow table
 * names them: a service by its {@code app.kubernetes.io/name}, {@code kafka}, {@code postgres},
 * {@code <namespace>/<pods>} for pods of another namespace ({@code kube-system/dns}), {@code namespace <name>}, a CIDR,
 * or {@code *} for every pod of the namespace.
 */
record Flow(String from, String to, String port) {

    @Override
    public String toString() {
        return from + " -> " + to + ":" + port;
    }
}
