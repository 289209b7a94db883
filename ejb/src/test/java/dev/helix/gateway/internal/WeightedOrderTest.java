package dev.helix.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.gateway.model.Deployment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightedOrderTest {

    private final Deployment heavy = new Deployment("a", "m1", 3, null);
    private final Deployment light = new Deployment("b", "m2", 1, null);

    @Test
    void eachDeploymentComesFirstInProportionToItsWeight() {
        Random random = new Random(42);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            first.merge(WeightedOrder.of(List.of(heavy, light), random).get(0).name(), 1, Integer::sum);
        }
        double share = first.get("a/m1") / 20_000.0;
        assertTrue(share > 0.72 && share < 0.78, "weight 3 of 4 comes first about 75% of the time, was " + share);
    }

    @Test
    void everyDeploymentComesUpOnce() {
        Deployment third = new Deployment("c", "m3", 5, null);
        List<Deployment> order = WeightedOrder.of(List.of(heavy, light, third), new Random(7));
        assertEquals(3, order.size());
        assertEquals(3, new HashSet<>(order).size());
    }
}
