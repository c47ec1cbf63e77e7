package org.accordpay.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * /v1/openapi.json: the OpenAPI 3.1 description of this API, unauthenticated. The document is
 * {@code docs/merchant-api.json} of the source tree, copied into the bundle at build time.
 */
@Path("/v1/openapi.json")
public final class OpenApiResource {

    /** Where the build puts the document, next to this class. */
    static final String RESOURCE = "merchant-api.json";

    private final byte[] document;

    OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the document as built, byte for byte */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() {
        return document.clone();
    }
}
