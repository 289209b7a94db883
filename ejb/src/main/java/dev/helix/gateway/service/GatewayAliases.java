package dev.helix.gateway.service;

import dev.helix.gateway.model.AliasDefinition;
import dev.helix.gateway.model.AliasesChanged;
import dev.helix.gateway.model.ModelAlias;
import dev.helix.gateway.model.Route;
import dev.helix.providers.service.ProviderRegistry;
import dev.helix.shared.error.ConcurrentChangeException;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's model aliases: administrators define, change and remove them. A definition is refused unless every
 * deployment names a registered provider that offers the model and every fallback names an alias; an alias others
 * fall back to cannot be removed.
 */
@Stateless
public class GatewayAliases {

    @PersistenceContext
    EntityManager em;

    @Inject
    ProviderRegistry providers;

    @Inject
    Event<AliasesChanged> changes;

    public List<ModelAlias> all() {
        return em.createQuery("SELECT a FROM ModelAlias a ORDER BY a.alias", ModelAlias.class).getResultList();
    }

    /** Every alias as the gateway routes it. */
    public List<Route> routes() {
        return all().stream().map(ModelAlias::route).toList();
    }

    public ModelAlias find(String alias) {
        ModelAlias found = alias == null ? null : em.find(ModelAlias.class, alias);
        if (found == null) {
            throw new NotFoundException("Model alias", alias);
        }
        return found;
    }

    public ModelAlias define(AliasDefinition definition) {
        AliasDefinition checked = checked(definition);
        if (em.find(ModelAlias.class, checked.alias()) != null) {
            throw new ConflictException("A model alias named '" + checked.alias() + "' exists already; PUT changes it");
        }
        ModelAlias alias = new ModelAlias(checked.alias(), Instant.now());
        alias.define(checked, Instant.now());
        em.persist(alias);
        ConcurrentChangeException.flush(em); // defined by another at the same moment: a 409
        changes.fire(new AliasesChanged(alias.getAlias()));
        return alias;
    }

    public ModelAlias redefine(String name, AliasDefinition definition) {
        ModelAlias alias = find(name);
        alias.define(checked(definition), Instant.now());
        changes.fire(new AliasesChanged(name));
        return alias;
    }

    public void delete(String name) {
        ModelAlias alias = find(name);
        List<String> dependants = em.createQuery("SELECT a.alias FROM ModelAlias a JOIN a.fallbacks f WHERE f = :name "
                + "ORDER BY a.alias", String.class).setParameter("name", name).getResultList();
        if (!dependants.isEmpty()) {
            throw new ConflictException("Model alias '" + name + "' is a fallback of " + dependants
                    + "; remove it from their fallbacks first");
        }
        em.remove(alias);
        changes.fire(new AliasesChanged(name));
    }

    private AliasDefinition checked(AliasDefinition definition) {
        AliasDefinition checked = definition.checked();
        for (int i = 0; i < checked.deployments().size(); i++) {
            var deployment = checked.deployments().get(i);
            try {
                providers.checkBinding(deployment.getProvider(), deployment.getModel());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("deployments[" + i + "]: " + e.getMessage());
            }
        }
        for (String fallback : checked.fallbacks()) {
            if (em.find(ModelAlias.class, fallback) == null) {
                throw new InvalidInputException("fallbacks: no model alias named '" + fallback + "'; define it first");
            }
        }
        return checked;
    }
}
