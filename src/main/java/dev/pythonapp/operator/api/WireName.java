package dev.pythonapp.operator.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An enum whose constants have a spelling outside Java: in status, events, the CRD, the catalog or a report. The
 * spelling is derived from the constant's name in one of the styles below, so an id cannot drift from its constant;
 * the tests of each enum pin the ids, so renaming a constant (which renames its id) fails a test.
 */
public interface WireName {
    /** The spelling outside Java. */
    String id();

    /** Spelled {@code LikeThis}: condition types and reasons, event reasons, build phases. */
    interface PascalCase extends WireName {
        @Override
        default String id() {
            return Ids.of((Enum<?>) this, WireName::pascalCase);
        }
    }

    /** Spelled {@code likethis}: OS families, image variants, severities. */
    interface LowerCase extends WireName {
        @Override
        default String id() {
            return Ids.of((Enum<?>) this, WireName::lowerCase);
        }
    }

    /** Spelled {@code like-this}: scanner rules. */
    interface KebabCase extends WireName {
        @Override
        default String id() {
            return Ids.of((Enum<?>) this, WireName::kebabCase);
        }
    }

    /** The constant of {@code type} spelled {@code id}, matched exactly. */
    static <E extends Enum<E> & WireName> Optional<E> byId(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.id().equals(id))
                .findFirst();
    }

    /** {@code OBJECT_IN_THE_WAY} as {@code ObjectInTheWay}: how Kubernetes spells condition types and reasons. */
    static String pascalCase(Enum<?> constant) {
        StringBuilder id = new StringBuilder();
        for (String word : constant.name().split("_")) {
            id.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return id.toString();
    }

    /** {@code UBI9} as {@code ubi9}. */
    static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** {@code EOL_IMAGE} as {@code eol-image}. */
    static String kebabCase(Enum<?> constant) {
        return lowerCase(constant).replace('_', '-');
    }

    /** Each constant's id, derived once: ids are read on every status and event write. */
    final class Ids {
        private static final Map<Enum<?>, String> DERIVED = new ConcurrentHashMap<>();

        private Ids() {}

        static String of(Enum<?> constant, Function<Enum<?>, String> style) {
            return DERIVED.computeIfAbsent(constant, style);
        }
    }
}
