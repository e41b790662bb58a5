// Draws the distance-travelled chart from the table on the same page, so the chart and the table can
// never disagree. Without JavaScript (or Chart.js) the table alone is shown.
(function () {
  'use strict';

  function draw() {
    var table = document.getElementById('distance-table');
    var figure = document.getElementById('distance-chart-figure');
    var canvas = document.getElementById('distance-chart');
    if (!table || !figure || !canvas || typeof window.Chart !== 'function') {
      return;
    }

    var labels = Array.prototype.map.call(table.querySelectorAll('thead th[data-date]'), function (th) {
      return th.textContent.trim();
    });
    var colours = ['#0065bd', '#d32205', '#428542', '#5e3c99', '#b85c00', '#00796b', '#333333', '#c2185b',
      '#1565c0', '#6d4c41', '#2e7d32', '#ad1457', '#4527a0', '#00838f', '#ef6c00', '#37474f', '#558b2f'];
    var datasets = Array.prototype.map.call(table.querySelectorAll('tbody tr[data-domain]'), function (row, index) {
      var colour = colours[index % colours.length];
      return {
        label: row.querySelector('th').textContent.trim(),
        data: Array.prototype.map.call(row.querySelectorAll('td[data-score]'), function (cell) {
          var value = cell.getAttribute('data-score');
          return value === '' ? null : Number(value);
        }),
        borderColor: colour,
        backgroundColor: colour,
        spanGaps: true,
        tension: 0
      };
    });

    figure.hidden = false;
    new window.Chart(canvas, {
      type: 'line',
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { min: 1, max: 5, ticks: { stepSize: 1 }, title: { display: true, text: 'Score (1 to 5)' } },
          x: { title: { display: true, text: 'Assessment' } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
