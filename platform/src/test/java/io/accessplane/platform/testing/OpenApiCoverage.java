package io.accessplane.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a running service's OpenAPI document against its JAX-RS resources: every resource method
 * (class and method {@code @Path}, HTTP method) is an operation of {@code /q/openapi}, with a summary
 * written for it (not the one Quarkus derives from the Java method's name).
 */
public final class OpenApiCoverage {

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch", HEAD.class, "head");

    private OpenApiCoverage() {
    }

    /** One resource method as the document should list it. */
    public record Operation(String verb, String path, String javaMethod) {
        @Override
        public String toString() {
            return verb.toUpperCase() + " " + path;
        }
    }

    /** Asserts that every resource method of the classes in {@code restPackage} is documented with a summary. */
    public static void assertEveryResourceMethodDocumented(String restPackage) throws IOException {
        List<Operation> expected = operations(restPackage);
        assertTrue(expected.size() > 0, "no resource methods found in " + restPackage);
        JsonNode document = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        JsonNode paths = document.path("paths");
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> unsummarised = new TreeSet<>();
        for (Operation op : expected) {
            JsonNode operation = paths.path(op.path()).path(op.verb());
            if (operation.isMissingNode()) {
                missing.add(op.toString());
            } else if (operation.path("summary").asText("").isBlank()
                    || operation.path("summary").asText().equalsIgnoreCase(derivedSummary(op.javaMethod()))) {
                unsummarised.add(op + " (" + op.javaMethod() + ")");
            }
        }
        assertTrue(missing.isEmpty(), "resource methods missing from /q/openapi: " + missing
                + "; documented paths: " + paths.properties().stream().map(Map.Entry::getKey).toList());
        assertTrue(unsummarised.isEmpty(), "operations without a written summary (@Operation): " + unsummarised);
    }

    /** The resource methods of the {@code @Path} classes compiled into {@code restPackage}. */
    public static List<Operation> operations(String restPackage) throws IOException {
        List<Operation> found = new ArrayList<>();
        for (Class<?> type : classes(restPackage)) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                found.add(new Operation(verb, normalise(root.value() + "/" + (sub == null ? "" : sub.value())),
                        type.getSimpleName() + "." + method.getName()));
            }
        }
        return found;
    }

    /** The summary Quarkus makes up from a method name ({@code changePassword}: "Change Password"). */
    static String derivedSummary(String javaMethod) {
        String name = javaMethod.substring(javaMethod.indexOf('.') + 1);
        String words = name.replaceAll("(?<=[A-Z])(?=[A-Z][a-z])|(?<=[^A-Z])(?=[A-Z])|(?<=[A-Za-z])(?=[^A-Za-z])", " ");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String verb(Method method) {
        for (Map.Entry<Class<? extends Annotation>, String> e : VERBS.entrySet()) {
            if (method.isAnnotationPresent(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** {@code /a//{id: [0-9]+}/} becomes {@code /a/{id}}, as OpenAPI writes it. */
    static String normalise(String path) {
        String p = path.replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static List<Class<?>> classes(String restPackage) throws IOException {
        String dir = restPackage.replace('.', '/');
        List<Class<?>> types = new ArrayList<>();
        // main and test classes may both hold the package: list every directory of it
        for (java.net.URL url : java.util.Collections.list(
                Thread.currentThread().getContextClassLoader().getResources(dir))) {
            if (!"file".equals(url.getProtocol())) {
                continue;
            }
            try (Stream<java.nio.file.Path> files = Files.list(Paths.get(url.toURI()))) {
                for (java.nio.file.Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$")) {
                        types.add(load(restPackage + "." + name.substring(0, name.length() - 6)));
                    }
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
