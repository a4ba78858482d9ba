// Overview charts. Every point drills down to the search page with the same filters plus the clicked bucket.
(function () {
  const data = document.getElementById('overview-data').dataset;
  const overview = JSON.parse(data.overview || '{}');
  const baseQuery = data.query || '';
  const channelNames = JSON.parse(data.channels || '{}');
  const labels = { nps: data.nps || 'NPS', n: data.n || 'n' };
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
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', min: 0, max: 200, interval: 50, axisLabel: { formatter: v => v - 100 } },
    series: [
      { type: 'line', data: low, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none' },
      { type: 'line', data: band, stack: 'band', lineStyle: { opacity: 0 }, areaStyle: { color: '#c8102e', opacity: 0.15 }, symbol: 'none' },
      { name: labels.nps, type: 'line', data: overview.byWeek.map(b => valid(b) ? b.metrics.nps + 100 : null), color: '#c8102e', symbolSize: 8 }
    ], grid: { left: 40, right: 16, top: 16, bottom: 30 }
  });
  npsChart.on('click', p => drill('scale=nps&week=' + weeks[p.dataIndex]));

  const volume = echarts.init(document.getElementById('chart-volume'));
  volume.setOption({
    animation,
    tooltip: { trigger: 'axis' }, legend: { data: channels.map(name), top: 0 },
    xAxis: { type: 'category', data: weeks }, yAxis: { type: 'value' }, grid: { left: 50, right: 16, top: 40, bottom: 30 },
    series: channels.map(ch => ({ name: name(ch), type: 'bar', stack: 'v', data: weeks.map(w => (cell(w, ch) || { metrics: { count: 0 } }).metrics.count) }))
  });
  volume.on('click', p => drill('week=' + weeks[p.dataIndex] + '&channel=' + channels[p.seriesIndex]));

  const sentiment = echarts.init(document.getElementById('chart-sentiment'));
  sentiment.setOption({
    animation,
    tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '–' : (v * 100).toFixed(1) + '%' }, legend: { data: channels.map(name), top: 0 },
    xAxis: { type: 'category', data: weeks }, yAxis: { type: 'value', min: -1, max: 1 }, grid: { left: 40, right: 16, top: 40, bottom: 30 },
    series: channels.map(ch => ({ name: name(ch), type: 'line', data: weeks.map(w => { const c = cell(w, ch); return c ? c.metrics.netSentiment : null; }) }))
  });
  sentiment.on('click', p => drill('week=' + weeks[p.dataIndex] + '&channel=' + channels[p.seriesIndex]));
  window.addEventListener('resize', () => [npsChart, volume, sentiment].forEach(c => c.resize()));
})();
