package org.accordpay.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.accordpay.api.store.AccordStore;

/** /v1/health: unauthenticated liveness of the API and its database. */
@Path("/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final AccordStore store;

    HealthResource(AccordStore store) {
        this.store = store;
    }

    /** @return {@code ok} with the store's state */
    @GET
    public Bodies.Health health() {
        return new Bodies.Health("ok", store.info().problem() == null ? "up" : "degraded");
    }
}
