package dev.pythonapp.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pythonapp.operator.render.Digest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides whether a child already is what the operator would apply, without the child's {@code managedFields}.
 *
 * <p>JOSDK's Server-Side Apply matcher reads the operator's managedFields entry of every child, so the informer
 * caches had to keep it: a tree naming every applied field, unique per app because it names the owner's uid. At
 * 5,000 apps those trees filled the heap (issue #8, heap histogram). Instead, the desired object carries a digest
 * of itself in an annotation, and a child matches when (1) its annotation equals the digest of what would be applied
 * now, so any change of ours (including a field we stop setting) applies again, and (2) every field of the desired
 * object has the same value in the child, so a field of ours that someone else changed is put back, as the SSA
 * matcher would. Fields only others set (server defaults, other managers) are ignored, as with SSA.
 */
public final class DesiredStateMatch {
    public static final String DIGEST_ANNOTATION = "pythonapp.dev/desired-state";
    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private DesiredStateMatch() {}

    /** Adds the digest of {@code desired} (as rendered, without the digest) to its annotations. */
    public static <R extends HasMetadata> R stamp(R desired) {
        // sorted, so the digest does not depend on the order the renderer put annotations in
        Map<String, String> annotations = desired.getMetadata().getAnnotations() == null
                ? new TreeMap<>()
                : new TreeMap<>(desired.getMetadata().getAnnotations());
        annotations.remove(DIGEST_ANNOTATION);
        desired.getMetadata().setAnnotations(annotations.isEmpty() ? null : annotations);
        String digest = digest(Serialization.asJson(desired));
        annotations.put(DIGEST_ANNOTATION, digest);
        desired.getMetadata().setAnnotations(annotations);
        return desired;
    }

    public static boolean matches(HasMetadata actual, HasMetadata desired) {
        String want = desired.getMetadata().getAnnotations() == null
                ? null
                : desired.getMetadata().getAnnotations().get(DIGEST_ANNOTATION);
        String have = actual.getMetadata().getAnnotations() == null
                ? null
                : actual.getMetadata().getAnnotations().get(DIGEST_ANNOTATION);
        return want != null && want.equals(have) && contains(JSON.valueToTree(actual), JSON.valueToTree(desired));
    }

    /** Every field of {@code desired} is in {@code actual} with the same value; lists element by element. */
    static boolean contains(JsonNode actual, JsonNode desired) {
        if (desired == null || desired.isNull()) {
            return true;
        }
        if (desired.isObject()) {
            if (actual == null || !actual.isObject()) {
                return desired.isEmpty();
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!contains(actual.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (actual == null || !actual.isArray()) {
                return desired.isEmpty();
            }
            if (actual.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!contains(actual.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (actual == null) {
            return false;
        }
        if (desired.isNumber() && actual.isNumber()) {
            return desired.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return desired.equals(actual);
    }

    static String digest(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Digest.sha256(json))
                .substring(0, 27);
    }
}
