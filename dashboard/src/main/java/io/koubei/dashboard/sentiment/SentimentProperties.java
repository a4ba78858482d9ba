package io.koubei.dashboard.sentiment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Self-training of the sentiment model from the platform's own feedback (koubei.sentiment.*). */
@ConfigurationProperties(prefix = "koubei.sentiment")
public class SentimentProperties {
    /** Spring cron (in the team's zone) for self-training; empty (the default) = only on command. */
    private String selfTrainingCron = "";
    /** The newest texts the adaptation reads (bounds memory and time). */
    private int maxCorpus = 50_000;
    /** Rated texts kept at most (the newest). */
    private int maxRated = 100_000;
    /** Re-analyse stored items after a model is activated, so the dashboards use it. */
    private boolean reanalyze = true;

    public String getSelfTrainingCron() { return selfTrainingCron; }
    public void setSelfTrainingCron(String v) { this.selfTrainingCron = v; }
    public int getMaxCorpus() { return maxCorpus; }
    public void setMaxCorpus(int v) { this.maxCorpus = v; }
    public int getMaxRated() { return maxRated; }
    public void setMaxRated(int v) { this.maxRated = v; }
    public boolean isReanalyze() { return reanalyze; }
    public void setReanalyze(boolean v) { this.reanalyze = v; }
}
