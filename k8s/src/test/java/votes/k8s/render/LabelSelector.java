package votes.k8s.render;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A {@code matchLabels}-style selector (a Service's, a PodDisruptionBudget's) as Kubernetes applies it to pod labels. */
public record LabelSelector(JsonNode matchLabels) {

    /** Every label of the selector has the same value on the pod; an empty selector is taken as a mistake here. */
    public boolean matches(JsonNode podLabels) {
        if (matchLabels.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : matchLabels.properties()) {
            if (!label.getValue().asString().equals(podLabels.path(label.getKey()).asString())) {
                return false;
            }
        }
        return true;
    }
}
