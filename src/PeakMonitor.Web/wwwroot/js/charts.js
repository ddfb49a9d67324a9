// Draws every chart the server rendered: <div data-chart="ID"> with its ECharts option in
// <script type="application/json" id="ID-option">. The option is built and tested on the server;
// this module only draws it (SVG, so it scales and prints crisply).
(function () {
  function draw() {
    if (typeof echarts === 'undefined') {
      document.querySelectorAll('[data-chart]').forEach(function (el) {
        el.textContent = 'Chart library missing (run scripts/setup.sh) · 图表库缺失';
      });
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var source = document.getElementById(el.getAttribute('data-chart') + '-option');
      if (!source) { return; }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(source.textContent));
      el.setAttribute('data-drawn', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
    // PNG export: the drawn chart as an image, with a white background.
    document.querySelectorAll('[data-png-for]').forEach(function (link) {
      link.addEventListener('click', function (e) {
        e.preventDefault();
        var el = document.getElementById(link.getAttribute('data-png-for'));
        var chart = el && echarts.getInstanceByDom(el);
        if (!chart) { return; }
        var svg = chart.renderToSVGString();
        var image = new Image();
        image.onload = function () {
          var canvas = document.createElement('canvas');
          canvas.width = el.clientWidth * 2; canvas.height = el.clientHeight * 2;
          var ctx = canvas.getContext('2d');
          ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
          var a = document.createElement('a');
          a.download = 'peakmonitor-chart.png';
          a.href = canvas.toDataURL('image/png');
          a.click();
        };
        image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
      });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
