// Overview charts. Every point drills down to the search page with the same filters plus the clicked bucket.
(function () {
  const data = document.getElementById('overview-data').dataset;
  const overview = JSON.parse(data.overview || '{}');
  const baseQuery = data.query || '';
  const channelNames = JSON.parse(data.channels || '{}');
  const labels = { nps: data.nps || 'NPS', n: data.n || 'n', week: data.axisWeek || '', axisNps: data.axisNps || 'NPS',
    items: data.axisItems || '', net: data.axisNet || '%' };
  // release / OTA / other product events, marked on every time chart at their week
  const events = JSON.parse(data.events || '[]');
  const marks = () => {
    const inRange = events.filter(e => weeks.includes(e.week));
    if (!inRange.length) return undefined;
    return { symbol: 'none', silent: false, animation: false,
      lineStyle: { color: '#7c3aed', type: 'dashed', width: 1 },
      label: { show: true, position: 'insideEndTop', color: '#7c3aed', fontSize: 10,
        formatter: p => p.data.title },
      data: inRange.map(e => ({ xAxis: e.week, title: (e.version ? e.title + ' ' + e.version : e.title) })) };
  };
  const xAxis = () => ({ type: 'category', data: weeks, name: labels.week, nameLocation: 'middle', nameGap: 24 });
  const weeks = overview.byWeek.map(b => b.key[0]);
  // the page's filters, narrowed to the clicked bucket (a clicked value replaces the filter's, never ORs with it)
  const drill = extra => {
    const u = new URLSearchParams(baseQuery);
    new URLSearchParams(extra).forEach((v, k) => u.set(k, v));
    window.location.href = '/search?' + u.toString();
  };
  const channels = [...new Set(overview.byWeekAndChannel.map(b => b.key[1]))];
  const cell = (week, ch) => overview.byWeekAndChannel.find(b => b.key[0] === week && b.key[1] === ch);
  const name = ch => channelNames[ch] || ch;
  // people who ask their system for less motion get charts drawn at once, without the growing bars
  const animation = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  const npsChart = echarts.init(document.getElementById('chart-nps'));
  const valid = b => b.metrics.npsN > 0;
  // ECharts stacks bands only on positive values: plot NPS + 100 (0…200) and label the axis back.
  const low = overview.byWeek.map(b => valid(b) ? b.metrics.npsLow + 100 : null);
  const band = overview.byWeek.map(b => valid(b) ? b.metrics.npsHigh - b.metrics.npsLow : null);
  npsChart.setOption({
    animation,
    tooltip: { trigger: 'axis', formatter: ps => {
      const b = overview.byWeek[ps[0].dataIndex];
      if (!valid(b)) return b.key[0] + ': –';
      return `${b.key[0]}<br>${labels.nps} ${b.metrics.nps.toFixed(1)} [${b.metrics.npsLow.toFixed(1)}, ${b.metrics.npsHigh.toFixed(1)}]<br>${labels.n} ${b.metrics.npsN}`;
    } },
    xAxis: xAxis(),
    yAxis: { type: 'value', min: 0, max: 200, interval: 50, axisLabel: { formatter: v => v - 100 },
      name: labels.axisNps, nameLocation: 'middle', nameGap: 32 },
    series: [
      { type: 'line', data: low, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none' },
      { type: 'line', data: band, stack: 'band', lineStyle: { opacity: 0 }, areaStyle: { color: '#c8102e', opacity: 0.15 }, symbol: 'none' },
      { name: labels.nps, type: 'line', data: overview.byWeek.map(b => valid(b) ? b.metrics.nps + 100 : null), color: '#c8102e', symbolSize: 8, markLine: marks() }
    ], grid: { left: 48, right: 16, top: 24, bottom: 44 }
  });
  npsChart.on('click', p => drill('scale=nps&week=' + weeks[p.dataIndex]));

  const volume = echarts.init(document.getElementById('chart-volume'));
  volume.setOption({
    animation,
    tooltip: { trigger: 'axis' }, legend: { data: channels.map(name), top: 0 },
    xAxis: xAxis(), yAxis: { type: 'value', name: labels.items, nameLocation: 'middle', nameGap: 44 },
    grid: { left: 60, right: 16, top: 40, bottom: 44 },
    series: channels.map((ch, i) => ({ name: name(ch), type: 'bar', stack: 'v', markLine: i === 0 ? marks() : undefined,
      data: weeks.map(w => (cell(w, ch) || { metrics: { count: 0 } }).metrics.count) }))
  });
  volume.on('click', p => drill('week=' + weeks[p.dataIndex] + '&channel=' + channels[p.seriesIndex]));

  const sentiment = echarts.init(document.getElementById('chart-sentiment'));
  sentiment.setOption({
    animation,
    // net sentiment in percent (−100…100 %), as on the cards
    tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '–' : v.toFixed(1) + '%' }, legend: { data: channels.map(name), top: 0 },
    xAxis: xAxis(), yAxis: { type: 'value', min: -100, max: 100, axisLabel: { formatter: v => v + '%' },
      name: labels.net, nameLocation: 'middle', nameGap: 44 }, grid: { left: 60, right: 16, top: 40, bottom: 44 },
    series: channels.map((ch, i) => ({ name: name(ch), type: 'line', markLine: i === 0 ? marks() : undefined,
      data: weeks.map(w => { const c = cell(w, ch); return c && c.metrics.netSentiment != null ? Math.round(c.metrics.netSentiment * 1000) / 10 : null; }) }))
  });
  sentiment.on('click', p => drill('week=' + weeks[p.dataIndex] + '&channel=' + channels[p.seriesIndex]));
  window.addEventListener('resize', () => [npsChart, volume, sentiment].forEach(c => c.resize()));
})();
