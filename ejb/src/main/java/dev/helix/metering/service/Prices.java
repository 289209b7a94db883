package dev.helix.metering.service;

import dev.helix.metering.model.ModelPrice;
import dev.helix.shared.error.ConcurrentChangeException;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What deployments' tokens cost: administrators set a price per 1,000 tokens, and usage sums say what was spent. */
@Stateless
public class Prices {

    @PersistenceContext
    EntityManager em;

    public List<ModelPrice> all() {
        return em.createQuery("SELECT p FROM ModelPrice p ORDER BY p.deployment", ModelPrice.class).getResultList();
    }

    /** Sets the price of a deployment ({@code provider/model}), replacing any it had. */
    public ModelPrice set(String deployment, BigDecimal promptPer1k, BigDecimal completionPer1k) {
        if (deployment == null || !deployment.matches("[^/\\s]+/\\S+") || deployment.length() > 400) {
            throw new InvalidInputException("deployment must be provider/model, as usage names it, e.g. openai/gpt-4o-mini");
        }
        check("promptPer1k", promptPer1k);
        check("completionPer1k", completionPer1k);
        ModelPrice price = em.find(ModelPrice.class, deployment);
        if (price == null) {
            price = new ModelPrice(deployment);
            price.price(promptPer1k, completionPer1k, Instant.now());
            em.persist(price);
        } else {
            price.price(promptPer1k, completionPer1k, Instant.now());
        }
        ConcurrentChangeException.flush(em); // priced by another at the same moment: a 409, not a failed commit
        return price;
    }

    public void delete(String deployment) {
        ModelPrice price = deployment == null ? null : em.find(ModelPrice.class, deployment);
        if (price == null) {
            throw new NotFoundException("Price of deployment", deployment);
        }
        em.remove(price);
    }

    private static void check(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(ModelPrice.MOST) > 0) {
            throw new InvalidInputException(field + " must be a price from 0 to " + ModelPrice.MOST + " per 1,000 tokens");
        }
    }
}
