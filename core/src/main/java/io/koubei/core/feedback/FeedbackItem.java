package io.koubei.core.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of user feedback in interchange format v1, after validation.
 *
 * <p>{@code id} is stable: the source's own id when given, else {@code source:externalId}, so re-importing
 * the same item updates it instead of duplicating it. {@code extra} keeps unknown fields verbatim.
 */
public record FeedbackItem(
        String id,
        String source,
        Channel channel,
        String externalId,
        Instant createdAt,
        String text,
        String title,
        String lang,
        String product,
        String productVersion,
        String url,
        Author author,
        Rating rating,
        Interactions interactions,
        String replyTo,
        TicketInfo ticket,
        List<String> tags,
        Map<String, String> fields,
        Map<String, Object> extra) {

    public FeedbackItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        text = text == null ? "" : text;
        interactions = interactions == null ? Interactions.NONE : interactions;
        tags = tags == null ? List.of() : List.copyOf(tags);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static String defaultId(String source, String externalId) {
        return source + ":" + externalId;
    }

    /** Null when the item has no author. */
    public String authorId() {
        return author == null ? null : author.id();
    }

    /** True for the company's own replies and posts (author.official). */
    public boolean fromOfficialAccount() {
        return author != null && author.officialAccount();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).source(source).channel(channel).externalId(externalId).createdAt(createdAt)
                .text(text).title(title).lang(lang).product(product).productVersion(productVersion).url(url)
                .author(author).rating(rating).interactions(interactions).replyTo(replyTo).ticket(ticket)
                .tags(tags).fields(fields).extra(extra);
    }

    /** Convenient construction in tests, generators and parsers. {@code id} defaults to source:externalId. */
    public static final class Builder {
        private String id;
        private String source;
        private Channel channel;
        private String externalId;
        private Instant createdAt;
        private String text;
        private String title;
        private String lang;
        private String product;
        private String productVersion;
        private String url;
        private Author author;
        private Rating rating;
        private Interactions interactions;
        private String replyTo;
        private TicketInfo ticket;
        private List<String> tags;
        private Map<String, String> fields;
        private Map<String, Object> extra;

        public Builder id(String v) { this.id = v; return this; }
        public Builder source(String v) { this.source = v; return this; }
        public Builder channel(Channel v) { this.channel = v; return this; }
        public Builder externalId(String v) { this.externalId = v; return this; }
        public Builder createdAt(Instant v) { this.createdAt = v; return this; }
        public Builder text(String v) { this.text = v; return this; }
        public Builder title(String v) { this.title = v; return this; }
        public Builder lang(String v) { this.lang = v; return this; }
        public Builder product(String v) { this.product = v; return this; }
        public Builder productVersion(String v) { this.productVersion = v; return this; }
        public Builder url(String v) { this.url = v; return this; }
        public Builder author(Author v) { this.author = v; return this; }
        public Builder rating(Rating v) { this.rating = v; return this; }
        public Builder interactions(Interactions v) { this.interactions = v; return this; }
        public Builder replyTo(String v) { this.replyTo = v; return this; }
        public Builder ticket(TicketInfo v) { this.ticket = v; return this; }
        public Builder tags(List<String> v) { this.tags = v; return this; }
        public Builder fields(Map<String, String> v) { this.fields = v; return this; }
        public Builder extra(Map<String, Object> v) { this.extra = v; return this; }

        public FeedbackItem build() {
            String effectiveId = id != null ? id : (source != null && externalId != null ? defaultId(source, externalId) : null);
            return new FeedbackItem(effectiveId, source, channel, externalId, createdAt, text, title, lang, product,
                    productVersion, url, author, rating, interactions, replyTo, ticket, tags, fields, extra);
        }
    }
}
