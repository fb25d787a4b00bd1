package io.accessplane.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the fields a model did not know. Fabric8's and Strimzi's model classes keep unknown fields
 * in {@code additionalProperties} rather than failing, so this walks the whole object graph and
 * reports every non-empty such map with its path (e.g. {@code spec.template.spec.containers[0]: [lifecycel]}).
 */
final class UnknownFields {

    private final List<String> found = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private UnknownFields() {
    }

    /** Every unknown field under {@code root}, one line each; empty when there is none. */
    static List<String> in(Object root) {
        UnknownFields walk = new UnknownFields();
        walk.visit(root, "");
        return walk.found;
    }

    private void visit(Object value, String path) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Character) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> visit(v, path + "." + k));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                visit(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (!isModel(value.getClass()) || !seen.add(value)) {
            return;
        }
        if (value instanceof Record) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                visit(invoke(c.getAccessor(), value), path + "." + c.getName());
            }
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            if (name.equals("getAdditionalProperties")) {
                Object extra = invoke(m, value);
                if (extra instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    found.add((path.isEmpty() ? "(top)" : path.substring(1)) + ": " + unknown.keySet());
                }
            } else if (name.startsWith("get") && name.length() > 3) {
                visit(invoke(m, value), path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4));
            }
        }
    }

    /** Classes whose getters are walked: the Kubernetes, Strimzi and CloudNativePG models. */
    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.")
                || name.startsWith("io.accessplane.k8s.cnpg.");
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            // a derived getter that does not apply to this object (Strimzi has a few); not data
            return null;
        }
    }
}
