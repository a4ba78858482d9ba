package io.koubei.analysis.signals.segment;

import io.koubei.core.feedback.Segment;
import java.util.List;

/** An author's segment and the rules that put them there (Chinese, for the UI). */
public record Classification(String authorId, Segment segment, List<String> reasons, AuthorProfile profile) {
}
