// The dashboard draws what the KPI API answers for the logged-in person; it computes no figure of its own.
(function () {
  'use strict';

  const STAGES = { BEFORE_DUE: 'Before due', NOT_DUE: 'Not due', NEGOTIATION: 'Negotiation', CLAIM: 'Claim', COURT: 'Court' };
  const KINDS = { PROMISE: 'Promise to pay', INSTALMENT: 'Payment-plan instalment' };
  const charts = {};
  let bonusRows = [];
  let sort = { key: 'subject', ascending: true };

  function byId(id) { return document.getElementById(id); }

  function isoDate(date) { return date.toISOString().substring(0, 10); }

  function filters() {
    const params = new URLSearchParams();
    ['from', 'to', 'currency'].forEach(name => { if (byId(name).value) params.set(name, byId(name).value); });
    return params;
  }

  async function api(path, params, accept) {
    const response = await fetch(path + (params ? '?' + params : ''), {
      credentials: 'same-origin', headers: { Accept: accept || 'application/json' }
    });
    if (response.status === 401) { window.location.reload(); }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || response.statusText);
    }
    return accept === 'text/csv' ? response.blob() : response.json();
  }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(byId(id)); }
    return charts[id];
  }

  function number(value) { return value === null || value === undefined ? null : Number(value); }

  function cell(row, value) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '–' : String(value);
    row.appendChild(td);
  }

  function renderBonus() {
    const body = document.querySelector('#bonus-table tbody');
    body.replaceChildren();
    const type = document.querySelector('#bonus-table th[data-key="' + sort.key + '"]').dataset.type;
    const rows = bonusRows.slice().sort((a, b) => {
      const x = a[sort.key], y = b[sort.key];
      if (x === y) { return 0; }
      if (x === undefined || x === null) { return 1; }
      if (y === undefined || y === null) { return -1; }
      const order = type === 'text' ? String(x).localeCompare(String(y)) : Number(x) - Number(y);
      return sort.ascending ? order : -order;
    });
    rows.forEach(r => {
      const tr = document.createElement('tr');
      ['subject', 'invoices', 'paidOnTime', 'paidLate', 'unpaid', 'onTimeRateByCount', 'onTimeRateByAmount',
        'paidWithinNegotiationRate', 'averageDaysLate'].forEach(key => cell(tr, r[key]));
      body.appendChild(tr);
    });
    document.querySelectorAll('#bonus-table th').forEach(th => {
      th.classList.toggle('asc', th.dataset.key === sort.key && sort.ascending);
      th.classList.toggle('desc', th.dataset.key === sort.key && !sort.ascending);
    });
  }

  /** The promise KPI as the API answers it: one row per sales manager and kind. */
  function renderPromises(rows) {
    const body = document.querySelector('#promises-table tbody');
    body.replaceChildren();
    if (rows.length === 0) {
      const tr = document.createElement('tr');
      tr.className = 'empty';
      const td = document.createElement('td');
      td.colSpan = 7;
      td.textContent = 'No promise or instalment graded in the period';
      tr.appendChild(td);
      body.appendChild(tr);
    }
    rows.forEach(r => {
      const tr = document.createElement('tr');
      tr.dataset.kind = r.kind;
      cell(tr, r.subject);
      cell(tr, KINDS[r.kind] || r.kind);
      ['graded', 'kept', 'partlyKept', 'broken', 'keptRate'].forEach(key => cell(tr, r[key]));
      body.appendChild(tr);
    });
  }

  function bars(id, categories, series, options) {
    chart(id).setOption(Object.assign({
      animation: false, // the figures as they are, at once
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
      yAxis: { type: 'value' },
      series: series
    }, options || {}), true);
  }

  async function load() {
    byId('status').textContent = 'Loading…';
    const params = filters();
    const period = new URLSearchParams(params);
    try {
      const [onTime, aging, stages, collected, trend, promises] = await Promise.all([
        api('/api/kpis/on-time', withBy(params, 'manager')),
        api('/api/kpis/aging', currencyOnly(params)),
        api('/api/kpis/stages-now', currencyOnly(params)),
        api('/api/kpis/collected', period),
        api('/api/kpis/trend', period),
        api('/api/kpis/promises', withBy(params, 'manager'))
      ]);
      bonusRows = onTime.rows;
      renderBonus();
      renderPromises(promises.rows);

      const agingRow = aging.rows[0] || {};
      bars('chart-aging', ['Current', '1–30', '31–60', '61–90', 'Over 90'], [{
        name: 'Open amount', type: 'bar',
        data: ['current', 'days1To30', 'days31To60', 'days61To90', 'over90Days'].map(k => number(agingRow[k]) || 0)
      }]);
      const stageNames = ['NOT_DUE', 'NEGOTIATION', 'CLAIM', 'COURT'];
      bars('chart-stages', stageNames.map(s => STAGES[s]), [{
        name: 'Cases', type: 'bar',
        data: stageNames.map(s => (stages.rows.find(r => r.stage === s) || { cases: 0 }).cases)
      }]);
      const money = collected.rows[0] || {};
      bars('chart-collected', ['Before due', 'Negotiation', 'Claim', 'Court', 'Written off'], [{
        name: 'Amount', type: 'bar',
        data: ['beforeDue', 'negotiation', 'claim', 'court', 'writtenOff'].map(k => number(money[k]) || 0)
      }]);
      bars('chart-trend', trend.rows.map(r => r.month), [
        { name: 'Collected', type: 'bar', data: trend.rows.map(r => number(r.collected)) },
        { name: 'On time, % of invoices', type: 'line', yAxisIndex: 1, data: trend.rows.map(r => number(r.onTimeRateByCount)) }
      ], { yAxis: [{ type: 'value' }, { type: 'value', max: 100 }] });
      byId('status').textContent = 'Figures ' + onTime.from + ' to ' + onTime.to + ' in ' + byId('currency').value;
      document.body.dataset.loaded = 'true';
    } catch (e) {
      byId('status').textContent = 'Cannot show the figures: ' + e.message;
    }
  }

  function withBy(params, by) {
    const copy = new URLSearchParams(params);
    copy.set('by', by);
    return copy;
  }

  function currencyOnly(params) {
    const copy = new URLSearchParams();
    if (params.get('currency')) { copy.set('currency', params.get('currency')); }
    return copy;
  }

  /** The currencies of the period, most invoices first; the first is shown. */
  async function chooseCurrencies() {
    const all = await api('/api/kpis/on-time', withBy(filters(), 'company'));
    const select = byId('currency');
    const chosen = select.value;
    const currencies = all.rows.slice().sort((a, b) => b.invoices - a.invoices).map(r => r.currency);
    if (currencies.length === 0) { currencies.push('EUR'); }
    select.replaceChildren(...currencies.map(c => { const o = document.createElement('option'); o.value = c; o.textContent = c; return o; }));
    select.value = currencies.includes(chosen) ? chosen : currencies[0];
  }

  async function downloadCsv() {
    const blob = await api('/api/kpis/on-time', withBy(filters(), 'manager'), 'text/csv');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'on-time-' + byId('from').value + '-' + byId('to').value + '-' + byId('currency').value + '.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  async function watchImports() {
    const body = document.querySelector('#imports-table tbody');
    const imports = await api('/api/invoices/import/recent');
    body.replaceChildren();
    imports.forEach(i => {
      const tr = document.createElement('tr');
      tr.dataset.id = i.id;
      cell(tr, i.startedAt);
      cell(tr, i.fileName);
      cell(tr, i.mode);
      const td = document.createElement('td');
      const bar = document.createElement('progress');
      bar.max = Math.max(i.linesTotal, 1);
      bar.value = i.linesDone;
      td.append(bar, ' ' + i.linesDone + ' / ' + i.linesTotal);
      tr.appendChild(td);
      cell(tr, i.imported);
      cell(tr, i.duplicates);
      cell(tr, i.rejectedCount);
      cell(tr, i.state);
      body.appendChild(tr);
    });
    const running = imports.some(i => i.state === 'RUNNING');
    setTimeout(watchImports, running ? 1000 : 10000);
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const today = new Date();
    byId('to').value = isoDate(today);
    byId('from').value = isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)));
    document.querySelectorAll('#bonus-table th').forEach(th => th.addEventListener('click', () => {
      sort = { key: th.dataset.key, ascending: sort.key === th.dataset.key ? !sort.ascending : true };
      renderBonus();
    }));
    byId('filters').addEventListener('submit', async event => {
      event.preventDefault();
      await chooseCurrencies();
      await load();
    });
    byId('download-csv').addEventListener('click', downloadCsv);
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    try {
      await chooseCurrencies();
    } catch (e) {
      byId('status').textContent = 'Cannot show the figures: ' + e.message;
    }
    await load();
    if (document.body.dataset.finance === 'true') { watchImports(); }
  });

  window.collectflowDashboard = { charts: charts, rows: () => bonusRows };
})();
