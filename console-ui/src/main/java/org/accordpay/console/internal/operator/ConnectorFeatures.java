package org.accordpay.console.internal.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The carrier and bank connector features operators may swap at run time, through Karaf's features
 * service (what {@code feature:install} and {@code feature:uninstall} do) and the start level of
 * their connector bundles (what {@code bundle:stop} and {@code bundle:start} do).
 */
final class ConnectorFeatures {

    /** Features operators manage here: carrier and bank connectors. */
    static final List<String> PREFIXES = List.of("accord-carrier-", "accord-bank-");
    private static final String OWN_BUNDLES = "org.accordpay.";
    /** Accord bundles a connector feature pulls in that other features share: never stopped from here. */
    private static final java.util.Set<String> SHARED = java.util.Set.of("org.accordpay.accord-api",
            "org.accordpay.accord-time", "org.accordpay.accord-crypto", "org.accordpay.accord-handset");

    private final FeaturesService features;
    private final BundleContext context;

    ConnectorFeatures(FeaturesService features, BundleContext context) {
        this.features = features;
        this.context = context;
    }

    /** @return the connector features of the repositories known, by name, with their state */
    List<ConnectorFeature> list() throws Exception {
        List<ConnectorFeature> out = new ArrayList<>();
        for (Feature f : features.listFeatures()) {
            if (managed(f.getName())) {
                boolean installed = features.isInstalled(f);
                List<Bundle> bundles = installed ? connectorBundles(f) : List.of();
                boolean active = !bundles.isEmpty() && bundles.stream().allMatch(b -> b.getState() == Bundle.ACTIVE);
                out.add(new ConnectorFeature(f.getName(), f.getDescription(), installed, active));
            }
        }
        out.sort(Comparator.comparing(ConnectorFeature::name));
        return out;
    }

    /** Installs a connector feature; the bundles already running are not refreshed. */
    void install(String name) throws Exception {
        feature(name);
        features.installFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }

    /** Uninstalls a connector feature and its bundles (shared ones stay). */
    void uninstall(String name) throws Exception {
        Feature f = feature(name);
        if (!features.isInstalled(f)) {
            throw new IllegalArgumentException(name + " is not installed");
        }
        features.uninstallFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }

    /** Starts (enable) or stops (disable) the connector bundles of an installed feature. */
    void enable(String name, boolean enable) throws Exception {
        Feature f = feature(name);
        List<Bundle> bundles = features.isInstalled(f) ? connectorBundles(f) : List.of();
        if (bundles.isEmpty()) {
            throw new IllegalArgumentException(name + " is not installed");
        }
        for (Bundle b : bundles) {
            try {
                if (enable) {
                    b.start();
                } else {
                    b.stop();
                }
            } catch (BundleException e) {
                throw new IllegalStateException((enable ? "cannot start " : "cannot stop ") + b.getSymbolicName()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private Feature feature(String name) throws Exception {
        if (name == null || !managed(name)) {
            throw new IllegalArgumentException("not a connector feature: " + name);
        }
        return Optional.ofNullable(features.getFeature(name))
                .orElseThrow(() -> new IllegalArgumentException("no feature " + name));
    }

    /** The feature's own Accord bundles (the connector), not the shared libraries it pulls in. */
    private List<Bundle> connectorBundles(Feature f) {
        List<Bundle> out = new ArrayList<>();
        for (BundleInfo info : f.getBundles()) {
            if (info.isDependency()) {
                continue;
            }
            Bundle b = context.getBundle(info.getLocation());
            if (b != null && b.getSymbolicName() != null && b.getSymbolicName().startsWith(OWN_BUNDLES)
                    && !SHARED.contains(b.getSymbolicName())) {
                out.add(b);
            }
        }
        return out;
    }

    private static boolean managed(String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    /**
     * A connector feature.
     *
     * @param name        feature name, e.g. {@code accord-carrier-smpp}
     * @param description what it is
     * @param installed   installed in the running server
     * @param active      its connector bundles are started
     */
    record ConnectorFeature(String name, String description, boolean installed, boolean active) {
    }
}
