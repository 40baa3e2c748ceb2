// Draws every element with a data-chart attribute with ECharts (canvas renderer: the SVG one sets style attributes,
// which the CSP's style-src refuses). The options come from the page, which
// the server rendered (the CSP allows no inline script); numbers are shown the Indonesian way (1.234,5).
(function () {
  'use strict';
  var number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
  function format(value) {
    return value === null || value === undefined || value === '-' ? '–' : number.format(value);
  }
  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      if (element.getAttribute('data-drawn')) {
        return;
      }
      var option = JSON.parse(element.getAttribute('data-chart'));
      option.aria = { enabled: false };
      option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: format });
      var valueAxis = option.xAxis && option.xAxis.type === 'value' ? 'xAxis' : 'yAxis';
      option[valueAxis] = Object.assign({}, option[valueAxis], { axisLabel: { formatter: format } });
      var chart = echarts.init(element, null, { renderer: 'canvas', locale: 'EN' });
      chart.setOption(option);
      element.setAttribute('data-drawn', 'ya');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
