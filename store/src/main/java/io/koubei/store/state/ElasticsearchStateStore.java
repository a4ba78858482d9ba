package io.koubei.store.state;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexRequest;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import io.koubei.core.state.VersionConflictException;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.store.elasticsearch.ElasticsearchRetry;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Shared state on Elasticsearch: one index ({@code <prefix>state}) for every collection, a document per state
 * document with its JSON kept verbatim (not indexed), and optimistic concurrency through {@code if_seq_no} /
 * {@code if_primary_term}. Every write refreshes, so every node reads what any node wrote a moment before. Leases
 * are documents of the same index, taken with the same conditional writes, so at most one node holds one at a time.
 */
public final class ElasticsearchStateStore implements StateStore {
    private static final String LEASES = "__lease";
    private static final int PAGE = 1000;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The document as indexed. */
    public record Source(String collection, String id, String doc) {
    }

    /** A lease's document. */
    record LeaseDoc(String holder, String until) {
    }

    private final ElasticsearchStoreConfig config;
    private final ElasticsearchClient client;
    private final String index;
    private volatile boolean ready;

    public ElasticsearchStateStore(ElasticsearchStoreConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.index = config.indexPrefix() + "state";
        this.client = config.newClient();
    }

    @Override
    public StateCollection collection(String name) {
        return new EsCollection(StateStore.checkName(name));
    }

    @Override
    public boolean tryLease(String name, String holder, Duration ttl, Instant now) {
        EsCollection leases = new EsCollection(LEASES);
        Optional<StateDocument> current = leases.get(name);
        if (current.isPresent()) {
            LeaseDoc held = readLease(current.get().json());
            if (!held.holder().equals(holder) && Instant.parse(held.until()).isAfter(now)) {
                return false;
            }
        }
        String json = "{\"holder\":" + quote(holder) + ",\"until\":\"" + now.plus(ttl) + "\"}";
        try {
            leases.put(name, json, current.map(StateDocument::version).orElse(StateCollection.ABSENT));
            return true;
        } catch (VersionConflictException e) {
            return false; // another node took or renewed it in between
        }
    }

    @Override
    public void releaseLease(String name, String holder) {
        EsCollection leases = new EsCollection(LEASES);
        leases.get(name).ifPresent(d -> {
            if (readLease(d.json()).holder().equals(holder)) {
                try {
                    leases.put(name, "{\"holder\":\"\",\"until\":\"" + Instant.EPOCH + "\"}", d.version());
                } catch (VersionConflictException ignored) {
                    // someone else has it now
                }
            }
        });
    }

    private static LeaseDoc readLease(String json) {
        var node = JSON.readTree(json);
        return new LeaseDoc(node.path("holder").asString(), node.path("until").asString());
    }

    private static String quote(String s) {
        return JSON.writeValueAsString(s);
    }

    @Override
    public String describe() {
        return "Elasticsearch index " + index + " at " + config.url();
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private <T> T call(String what, ElasticsearchRetry.Request<T> request) {
        return ElasticsearchRetry.call(config, what, () -> {
            ensureIndex();
            return request.run();
        });
    }

    private void ensureIndex() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            if (!client.indices().exists(e -> e.index(index)).value()) {
                try {
                    client.indices().create(c -> c.index(index)
                            .settings(s -> s.numberOfShards("1").autoExpandReplicas("0-1"))
                            .mappings(m -> m.dynamic(DynamicMapping.Strict)
                                    .properties("collection", p -> p.keyword(k -> k))
                                    .properties("id", p -> p.keyword(k -> k))
                                    .properties("doc", p -> p.text(t -> t.index(false)))));
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e; // another node created it first: fine
                    }
                }
            }
            ready = true;
        }
    }

    private static String version(long seqNo, long primaryTerm) {
        return seqNo + ":" + primaryTerm;
    }

    private final class EsCollection implements StateCollection {
        private final String name;

        EsCollection(String name) {
            this.name = name;
        }

        private String docId(String id) {
            return name + "/" + id;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<StateDocument> get(String id) {
            GetResponse<Source> r = call("get " + docId(id), () -> client.get(g -> g.index(index).id(docId(id)), Source.class));
            if (!r.found() || r.source() == null) {
                return Optional.empty();
            }
            return Optional.of(new StateDocument(id, r.source().doc(), version(r.seqNo(), r.primaryTerm())));
        }

        @Override
        public List<StateDocument> all() {
            List<StateDocument> out = new ArrayList<>();
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<Source> page = call("list " + name, () -> client.search(s -> {
                    s.index(index).size(PAGE).seqNoPrimaryTerm(true)
                            .query(q -> q.term(t -> t.field("collection").value(name)))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, Source.class));
                List<Hit<Source>> hits = page.hits().hits();
                for (Hit<Source> h : hits) {
                    out.add(new StateDocument(h.source().id(), h.source().doc(), version(h.seqNo(), h.primaryTerm())));
                }
                if (hits.size() < PAGE) {
                    return out;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        }

        @Override
        public StateDocument put(String id, String json, String expectedVersion) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(json, "json");
            JSON.readTree(json); // refuse what is not JSON
            Source source = new Source(name, id, json);
            try {
                IndexResponse r = call("write " + docId(id), () -> client.index(IndexRequest.of(i -> {
                    i.index(index).id(docId(id)).document(source).refresh(Refresh.True);
                    if (StateCollection.ABSENT.equals(expectedVersion)) {
                        i.opType(OpType.Create);
                    } else if (expectedVersion != null) {
                        String[] parts = expectedVersion.split(":");
                        if (parts.length != 2) {
                            throw new VersionConflictException(docId(id) + ": '" + expectedVersion + "' is no version of this store");
                        }
                        i.ifSeqNo(Long.parseLong(parts[0])).ifPrimaryTerm(Long.parseLong(parts[1]));
                    }
                    return i;
                })));
                return new StateDocument(id, json, version(r.seqNo(), r.primaryTerm()));
            } catch (ElasticsearchException e) {
                if (e.status() == 409) {
                    throw new VersionConflictException(docId(id) + " changed since it was read (expected " + expectedVersion + ")");
                }
                throw e;
            }
        }

        /**
         * One bulk request of {@code create} operations and one refresh. A document another node created first comes
         * back as a 409 for its item: reported as existing. If a transient failure makes the bulk request be sent again,
         * documents the first attempt created are reported as existing too (stored once either way).
         */
        @Override
        public java.util.Set<String> createAll(java.util.Map<String, String> documents) {
            java.util.Set<String> existed = new java.util.LinkedHashSet<>();
            if (documents.isEmpty()) {
                return existed;
            }
            List<co.elastic.clients.elasticsearch.core.bulk.BulkOperation> ops = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (java.util.Map.Entry<String, String> d : documents.entrySet()) {
                String id = Objects.requireNonNull(d.getKey(), "id");
                JSON.readTree(Objects.requireNonNull(d.getValue(), "json")); // refuse what is not JSON
                Source source = new Source(name, id, d.getValue());
                ids.add(id);
                ops.add(co.elastic.clients.elasticsearch.core.bulk.BulkOperation.of(b -> b.create(c -> c.index(index)
                        .id(docId(id)).document(source))));
            }
            for (int from = 0; from < ops.size(); from += PAGE) {
                List<co.elastic.clients.elasticsearch.core.bulk.BulkOperation> page = ops.subList(from, Math.min(ops.size(), from + PAGE));
                int offset = from;
                co.elastic.clients.elasticsearch.core.BulkResponse r = call("create " + page.size() + " in " + name,
                        () -> client.bulk(b -> b.operations(page).refresh(Refresh.True)));
                for (int i = 0; i < r.items().size(); i++) {
                    var item = r.items().get(i);
                    if (item.error() == null) {
                        continue;
                    }
                    if (item.status() == 409) {
                        existed.add(ids.get(offset + i));
                    } else {
                        throw new IllegalStateException("cannot create " + docId(ids.get(offset + i)) + ": "
                                + item.error().type() + ": " + item.error().reason());
                    }
                }
            }
            return existed;
        }

        @Override
        public boolean delete(String id) {
            try {
                return call("delete " + docId(id), () -> client.delete(d -> d.index(index).id(docId(id)).refresh(Refresh.True)))
                        .result() == Result.Deleted;
            } catch (ElasticsearchException e) {
                if (e.status() == 404) {
                    return false;
                }
                throw e;
            }
        }
    }
}
