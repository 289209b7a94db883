package dev.helix.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Strict JSON Schemas (draft 7) of the Kubernetes kinds Helix's manifests use, made from the official Kubernetes Java
 * client's models, which are generated from the API's OpenAPI document (client-java-api 22: Kubernetes 1.31). Each
 * model becomes an object schema of its fields with their JSON types, its required fields, and no other field
 * ({@code additionalProperties: false}, as kubectl's strict field validation and {@code kubeconform -strict} have it).
 * A kind is known by its apiVersion and kind; any other has no schema.
 */
public final class KubernetesSchemas {

    /** The kinds the manifests may hold, by {@code apiVersion/kind}. */
    private static final Map<String, Class<?>> KINDS = Map.of(
            "apps/v1/Deployment", V1Deployment.class,
            "apps/v1/StatefulSet", V1StatefulSet.class,
            "v1/Service", V1Service.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Secret", V1Secret.class,
            "v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The schema of one kind, with apiVersion and kind fixed to these values; empty for a kind not known here. */
    public Optional<ObjectNode> schema(String apiVersion, String kind) {
        Class<?> model = KINDS.get(apiVersion + "/" + kind);
        if (model == null) {
            return Optional.empty();
        }
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        ObjectNode definitions = JSON.objectNode();
        ObjectNode typeMeta = JSON.objectNode();
        typeMeta.putArray("required").add("apiVersion").add("kind");
        ObjectNode fixed = typeMeta.putObject("properties");
        fixed.putObject("apiVersion").put("const", apiVersion);
        fixed.putObject("kind").put("const", kind);
        root.putArray("allOf").add(define(model, definitions)).add(typeMeta);
        root.set("definitions", definitions);
        return Optional.of(root);
    }

    /** A reference to the model's definition, adding it (and the models it holds) when it is not there yet. */
    private ObjectNode define(Class<?> model, ObjectNode definitions) {
        String name = model.getSimpleName();
        if (!definitions.has(name)) {
            ObjectNode schema = definitions.putObject(name);
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            for (Field field : model.getDeclaredFields()) {
                SerializedName json = field.getAnnotation(SerializedName.class);
                if (json != null && !Modifier.isStatic(field.getModifiers())) {
                    properties.set(json.value(), type(field.getGenericType(), definitions));
                }
            }
            ArrayNode required = schema.putArray("required");
            requiredFields(model).forEach(required::add);
            schema.put("additionalProperties", false);
        }
        return JSON.objectNode().put("$ref", "#/definitions/" + name);
    }

    private ObjectNode type(Type type, ObjectNode definitions) {
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", type(arguments[0], definitions));
                return array;
            }
            if (generic.getRawType() == Map.class) {
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", type(arguments[1], definitions));
                return map;
            }
        } else if (type instanceof Class<?> plain) {
            if (plain == String.class || plain == OffsetDateTime.class || plain == LocalDate.class
                    || plain == byte[].class || plain.isEnum()) {
                return simple("string");
            }
            if (plain == Integer.class || plain == Long.class) {
                return simple("integer");
            }
            if (plain == Double.class || plain == Float.class || plain == BigDecimal.class) {
                return simple("number");
            }
            if (plain == Boolean.class) {
                return simple("boolean");
            }
            if (plain == IntOrString.class) {
                return either("integer", "string");
            }
            if (plain == Quantity.class) {
                return either("string", "number");
            }
            if (plain == Object.class) {
                return JSON.objectNode();
            }
            if (plain.getPackage() == V1Deployment.class.getPackage()) {
                return define(plain, definitions);
            }
        }
        throw new IllegalStateException("No JSON type for the model field type " + type);
    }

    private static ObjectNode simple(String type) {
        return JSON.objectNode().put("type", type);
    }

    private static ObjectNode either(String first, String second) {
        ObjectNode schema = JSON.objectNode();
        schema.putArray("type").add(first).add(second);
        return schema;
    }

    /** The model's required fields, as the generated class lists them. */
    private static Collection<String> requiredFields(Class<?> model) {
        try {
            return new TreeSet<>((Collection<String>) model.getField("openapiRequiredFields").get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The model " + model.getName() + " names no required fields", e);
        }
    }
}
