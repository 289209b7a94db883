package dev.helix.gateway.internal;

import dev.helix.gateway.model.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which an alias's deployments are tried: drawn at random by weight, without putting back, so that over
 * many requests each deployment is tried first in proportion to its weight, and every deployment comes up once.
 */
public final class WeightedOrder {

    private WeightedOrder() {
    }

    public static List<Deployment> of(List<Deployment> deployments, RandomGenerator random) {
        if (deployments.size() <= 1) {
            return deployments;
        }
        List<Deployment> left = new ArrayList<>(deployments);
        List<Deployment> order = new ArrayList<>(deployments.size());
        while (!left.isEmpty()) {
            long total = left.stream().mapToLong(Deployment::getWeight).sum();
            long draw = random.nextLong(total);
            int i = 0;
            while (draw >= left.get(i).getWeight()) {
                draw -= left.get(i).getWeight();
                i++;
            }
            order.add(left.remove(i));
        }
        return order;
    }
}
