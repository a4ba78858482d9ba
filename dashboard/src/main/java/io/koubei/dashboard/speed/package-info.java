/**
 * Response speed in the dashboard: lifecycle-event and service-day stores under {@code <data-dir>/speed/},
 * {@code /api/v1/speed/*}, the 响应速度 page, RESPONSE_SLA breach-risk alerts, issue trackers (webhook, Jira,
 * GitHub), releases with before/after impact, and the weekly report section. See docs/speed.md.
 */
package io.koubei.dashboard.speed;
