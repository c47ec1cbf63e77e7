package org.accordpay.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.StoreWork;
import org.accordpay.api.store.dto.PendingWork;
import org.accordpay.api.store.dto.StoreInfo;
import org.accordpay.api.store.dto.ChallengeState;
import org.accordpay.store.internal.entity.AuditEntryEntity;
import org.accordpay.store.internal.entity.AuditHeadEntity;
import org.accordpay.store.internal.entity.BankInstructionEntity;
import org.accordpay.store.internal.entity.MerchantEventEntity;
import org.accordpay.store.internal.entity.WebhookEndpointEntity;
import org.accordpay.store.internal.entity.ChallengeEntity;
import org.accordpay.store.internal.entity.CredentialFailureEntity;
import org.accordpay.store.internal.entity.CustomerCredentialEntity;
import org.accordpay.store.internal.entity.LedgerPostingEntity;
import org.accordpay.store.internal.entity.OutboxEntity;
import org.accordpay.store.internal.entity.PurchaseEntity;
import org.accordpay.store.internal.entity.UsedCellEntity;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The {@link AccordStore}: one {@link EntityManager} and one resource-local transaction per
 * {@link #transact} call. Built without OSGi by {@link #open}; the component only registers it.
 */
public final class JpaStore implements AccordStore, AutoCloseable {

    static final List<Class<?>> ENTITIES = List.of(PurchaseEntity.class, OutboxEntity.class,
            LedgerPostingEntity.class, AuditEntryEntity.class, CustomerCredentialEntity.class,
            CredentialFailureEntity.class, ChallengeEntity.class, UsedCellEntity.class, AuditHeadEntity.class,
            BankInstructionEntity.class, MerchantEventEntity.class, WebhookEndpointEntity.class,
            org.accordpay.store.internal.entity.SmsAttemptEntity.class,
            org.accordpay.store.internal.entity.CustomerEntity.class,
            org.accordpay.store.internal.entity.EnrolmentEntity.class,
            org.accordpay.store.internal.entity.MerchantEntity.class,
            org.accordpay.store.internal.entity.MerchantDecisionEntity.class,
            org.accordpay.store.internal.entity.MerchantApiKeyEntity.class,
            org.accordpay.store.internal.entity.ApiIdempotencyEntity.class,
            org.accordpay.store.internal.entity.ApiSignatureSeenEntity.class,
            org.accordpay.store.internal.entity.ReturnUrlEntity.class,
            org.accordpay.store.internal.entity.MerchantTableEntity.class,
            org.accordpay.store.internal.entity.MerchantChallengeEntity.class,
            org.accordpay.store.internal.entity.OperatorAccountEntity.class,
            org.accordpay.store.internal.entity.MerchantUserEntity.class);

    private final EntityManagerFactory emf;
    private final AutoCloseable pool;
    private final ClassLoader loader;
    private final Clock clock;
    private final String database;
    private final String safeUrl;
    private final String schemaVersion;
    private final Instant since;
    private volatile String problem;

    private JpaStore(EntityManagerFactory emf, AutoCloseable pool, ClassLoader loader, Clock clock, String database,
            String safeUrl, String schemaVersion) {
        this.emf = emf;
        this.pool = pool;
        this.loader = loader;
        this.clock = clock;
        this.database = database;
        this.safeUrl = safeUrl;
        this.schemaVersion = schemaVersion;
        this.since = clock.instant();
    }

    /**
     * Connects, migrates and boots Hibernate.
     *
     * @throws SQLException when the database cannot be reached (nothing is left open)
     */
    public static JpaStore open(StoreSettings settings, ClassLoader loader, Clock clock) throws SQLException {
        DataSource driver = DataSources.driverDataSource(settings);
        DataSources.probe(driver);
        HikariDataSource pool = DataSources.pool(driver, settings);
        try {
            return open(pool, pool, settings.safeUrl(), loader, clock);
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Migrates and boots Hibernate on an existing data source.
     *
     * @param closeable closed with the store (the pool), or null
     */
    public static JpaStore open(DataSource dataSource, AutoCloseable closeable, String safeUrl, ClassLoader loader,
            Clock clock) throws SQLException {
        String database;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            database = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        }
        String version = Migrations.migrate(dataSource, loader);
        EntityManagerFactory emf = bootHibernate(dataSource, loader);
        return new JpaStore(emf, closeable, loader, clock, database, safeUrl, version);
    }

    static EntityManagerFactory bootHibernate(DataSource dataSource, ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            HibernatePersistenceConfiguration cfg = new HibernatePersistenceConfiguration("accord")
                    .managedClasses(ENTITIES)
                    .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                    .property("jakarta.persistence.nonJtaDataSource", dataSource)
                    .property("hibernate.classLoaders", List.of(loader))
                    .property("hibernate.classLoader.tccl_lookup_precedence", "never")
                    .property("hibernate.hbm2ddl.auto", "validate")
                    .property("jakarta.persistence.validation.mode", "none")
                    .property("hibernate.connection.provider_disables_autocommit", "true")
                    .property("hibernate.jdbc.time_zone", "UTC")
                    .property("hibernate.archive.autodetection", "")
                    .property("hibernate.show_sql", "false")
                    .property("hibernate.jdbc.batch_size", "20")
                    .property("hibernate.order_inserts", "true");
            return cfg.createEntityManagerFactory();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
        EntityManager em;
        try {
            em = emf.createEntityManager();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        JpaStoreTransaction stx = new JpaStoreTransaction(em, clock);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.run(stx);
            stx.beforeCommit();
            em.flush();
            tx.commit();
            FaultPoint.reach("store.transaction.after-commit");
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw Errors.translate(e);
        } finally {
            stx.close();
            em.close();
        }
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo(database, safeUrl, schemaVersion, since, problem);
    }

    @Override
    public PendingWork pendingWork() {
        return transact(tx -> {
            EntityManager em = ((JpaStoreTransaction) tx).em();
            List<String> terminal = java.util.Arrays.stream(PurchaseState.values())
                    .filter(PurchaseState::isTerminal).map(Enum::name).toList();
            long open = em.createQuery("select count(p) from PurchaseEntity p where p.state not in :terminal",
                    Long.class).setParameter("terminal", terminal).getSingleResult();
            long outbox = em.createQuery("select count(o) from OutboxEntity o where o.doneAt is null", Long.class)
                    .getSingleResult();
            List<Object[]> rows = em.createQuery(
                    "select l.currency, sum(l.amountMinor) from LedgerPostingEntity p join p.legs l"
                            + " where l.account = :account group by l.currency order by l.currency",
                    Object[].class).setParameter("account", JpaLedgerRepository.ESCROW_ACCOUNT).getResultList();
            Map<String, Long> escrow = new LinkedHashMap<>();
            for (Object[] row : rows) {
                long sum = ((Number) row[1]).longValue();
                if (sum != 0) {
                    escrow.put(((String) row[0]).trim(), sum);
                }
            }
            long challenges = em.createQuery("select count(c) from ChallengeEntity c where c.state = :open",
                    Long.class).setParameter("open", ChallengeState.OPEN.name()).getSingleResult();
            return new PendingWork(open, outbox, escrow, challenges);
        });
    }

    /** Records a refused configuration change, shown by {@link #info()}. */
    void setProblem(String problem) {
        this.problem = problem;
    }

    String safeUrl() {
        return safeUrl;
    }

    ClassLoader loader() {
        return loader;
    }

    @Override
    public void close() {
        try {
            if (emf.isOpen()) {
                emf.close();
            }
        } finally {
            if (pool != null) {
                try {
                    pool.close();
                } catch (Exception e) {
                    throw new StoreException("closing the pool failed", e);
                }
            }
        }
    }
}
