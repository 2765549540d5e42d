#!/usr/bin/env python3
"""Re-vendors the JSON schemas the manifests are validated against (k8s/README.md, "Validation"): the
openAPIV3Schema of one served version of each CRD, and each Kubernetes kind we use as a standalone schema cut from the
API's OpenAPI v2 document (its definitions, $refs kept inside the file). Descriptions are dropped to keep the files
small. Run from this folder with the source repositories' git directories as arguments (see main); the build never
runs this, it reads the JSON files."""
import json, subprocess, sys, yaml

# (file written, git dir, commit-ish, path in repo, version, label for the source line)
SOURCES = [
    ("kafka.strimzi.io_v1_Kafka.json", "strimzi", "install/cluster-operator/040-Crd-kafka.yaml", "v1", "strimzi/strimzi-kafka-operator 1.2.0"),
    ("kafka.strimzi.io_v1_KafkaNodePool.json", "strimzi", "install/cluster-operator/045-Crd-kafkanodepool.yaml", "v1", "strimzi/strimzi-kafka-operator 1.2.0"),
    ("kafka.strimzi.io_v1_KafkaTopic.json", "strimzi", "install/cluster-operator/043-Crd-kafkatopic.yaml", "v1", "strimzi/strimzi-kafka-operator 1.2.0"),
    ("kafka.strimzi.io_v1_KafkaUser.json", "strimzi", "install/cluster-operator/044-Crd-kafkauser.yaml", "v1", "strimzi/strimzi-kafka-operator 1.2.0"),
    ("postgresql.cnpg.io_v1_Cluster.json", "cnpg", "config/crd/bases/postgresql.cnpg.io_clusters.yaml", "v1", "cloudnative-pg/cloudnative-pg 1.30.0"),
    ("postgresql.cnpg.io_v1_ScheduledBackup.json", "cnpg", "config/crd/bases/postgresql.cnpg.io_scheduledbackups.yaml", "v1", "cloudnative-pg/cloudnative-pg 1.30.0"),
    ("keda.sh_v1alpha1_ScaledObject.json", "keda", "config/crd/bases/keda.sh_scaledobjects.yaml", "v1alpha1", "kedacore/keda 2.20.2"),
    ("keda.sh_v1alpha1_TriggerAuthentication.json", "keda", "config/crd/bases/keda.sh_triggerauthentications.yaml", "v1alpha1", "kedacore/keda 2.20.2"),
    ("cert-manager.io_v1_Issuer.json", "certmanager", "deploy/crds/cert-manager.io_issuers.yaml", "v1", "cert-manager/cert-manager 1.21.1"),
    ("cert-manager.io_v1_Certificate.json", "certmanager", "deploy/crds/cert-manager.io_certificates.yaml", "v1", "cert-manager/cert-manager 1.21.1"),
    ("monitoring.coreos.com_v1_PrometheusRule.json", "promoperator", "example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml", "v1", "prometheus-operator/prometheus-operator 0.93.0"),
    ("monitoring.coreos.com_v1_ServiceMonitor.json", "promoperator", "example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml", "v1", "prometheus-operator/prometheus-operator 0.93.0"),
]

# Kubernetes kinds: (apiVersion, kind) -> the definition's name in the OpenAPI v2 document.
CORE = {
    ("apps/v1", "Deployment"): "io.k8s.api.apps.v1.Deployment",
    ("apps/v1", "StatefulSet"): "io.k8s.api.apps.v1.StatefulSet",
    ("v1", "Service"): "io.k8s.api.core.v1.Service",
    ("v1", "ServiceAccount"): "io.k8s.api.core.v1.ServiceAccount",
    ("v1", "ConfigMap"): "io.k8s.api.core.v1.ConfigMap",
    ("v1", "PersistentVolumeClaim"): "io.k8s.api.core.v1.PersistentVolumeClaim",
    ("policy/v1", "PodDisruptionBudget"): "io.k8s.api.policy.v1.PodDisruptionBudget",
    ("autoscaling/v2", "HorizontalPodAutoscaler"): "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
    ("networking.k8s.io/v1", "NetworkPolicy"): "io.k8s.api.networking.v1.NetworkPolicy",
    ("networking.k8s.io/v1", "Ingress"): "io.k8s.api.networking.v1.Ingress",
}


def without_descriptions(node):
    if isinstance(node, dict):
        return {k: without_descriptions(v) for k, v in node.items() if not (k == "description" and isinstance(v, str))}
    if isinstance(node, list):
        return [without_descriptions(v) for v in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            found.add(ref[len("#/definitions/"):])
        for v in node.values():
            refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def core(git_dir, ref, path, label):
    text = subprocess.run(["git", "--git-dir", git_dir, "show", f"{ref}:{path}"], check=True, capture_output=True,
                          text=True).stdout
    commit = subprocess.run(["git", "--git-dir", git_dir, "rev-parse", ref + "^{commit}"], check=True,
                            capture_output=True, text=True).stdout.strip()
    definitions = json.loads(text)["definitions"]
    for (api_version, kind), name in CORE.items():
        needed, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in needed:
                continue
            needed.add(current)
            found = set()
            refs(definitions[current], found)
            todo.extend(found - needed)
        schema = {"$comment": f"{label}, {path} at {commit}: definitions/{name} and what it references",
                  "$ref": f"#/definitions/{name}",
                  "definitions": {n: without_descriptions(definitions[n]) for n in sorted(needed)}}
        with open(f"{api_version.replace('/', '_')}_{kind}.json", "w") as f:
            json.dump(schema, f, indent=1, sort_keys=True)
            f.write("\n")


def main(repos):
    for out, repo, path, version, label in SOURCES:
        if repo not in repos:
            continue  # re-vendor only the sources named on the command line
        git_dir, ref = repos[repo].split("@")
        text = subprocess.run(["git", "--git-dir", git_dir, "show", f"{ref}:{path}"], check=True,
                              capture_output=True, text=True).stdout
        crd = yaml.safe_load(text)
        served = next(v for v in crd["spec"]["versions"] if v["name"] == version)
        schema = without_descriptions(served["schema"]["openAPIV3Schema"])
        commit = subprocess.run(["git", "--git-dir", git_dir, "rev-parse", ref + "^{commit}"], check=True,
                            capture_output=True,
                                text=True).stdout.strip()
        schema["$comment"] = f"{label}, {path} at {commit}, version {version}: spec.versions[].schema.openAPIV3Schema"
        with open(out, "w") as f:
            json.dump(schema, f, indent=1, sort_keys=True)
            f.write("\n")
    if "kubernetes" not in repos:
        return
    git_dir, ref = repos["kubernetes"].split("@")
    core(git_dir, ref, "kubernetes/swagger.json.unprocessed", "kubernetes-client/c (Kubernetes release-1.34 OpenAPI v2)")


if __name__ == "__main__":
    # strimzi=<git dir>@<ref> cnpg=...@v1.30.0 keda=...@v2.20.2 certmanager=...@v1.21.1 promoperator=...@v0.93.0
    # kubernetes=<kubernetes-client/c>@<ref>; only the sources named are re-vendored
    main(dict(arg.split("=", 1) for arg in sys.argv[1:]))
