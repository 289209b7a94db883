package dev.helix.gateway.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One place an alias's requests can be served: a registered provider and one of its models, with the weight that
 * spreads an alias's load over its deployments and, optionally, the most requests a minute Helix sends it.
 */
@Embeddable
public class Deployment {

    @Column(nullable = false)
    private String provider;

    @Column(nullable = false)
    private String model;

    @Column(nullable = false)
    private int weight;

    @Column(name = "requests_per_minute")
    private Integer requestsPerMinute;

    protected Deployment() {
    }

    public Deployment(String provider, String model, int weight, Integer requestsPerMinute) {
        this.provider = provider;
        this.model = model;
        this.weight = weight;
        this.requestsPerMinute = requestsPerMinute;
    }

    public String getProvider() {
        return provider;
    }

    public String getModel() {
        return model;
    }

    public int getWeight() {
        return weight;
    }

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    /** How answers and usage name it: {@code provider/model}. */
    public String name() {
        return provider + "/" + model;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Deployment d && provider.equals(d.provider) && model.equals(d.model) && weight == d.weight
                && Objects.equals(requestsPerMinute, d.requestsPerMinute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, model, weight, requestsPerMinute);
    }

    @Override
    public String toString() {
        return name();
    }
}
