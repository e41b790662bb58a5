// Draws each dashboard chart from the table beneath it, so the chart and the table can never disagree.
// A table's columns marked data-series become the chart's bars; its rows (except a totals row) the labels.
// Hidden ([c]) and missing figures have no data-value and are left out. Without JavaScript the tables alone show.
(function () {
  'use strict';

  var colours = ['#0065bd', '#d32205', '#428542', '#5e3c99', '#b85c00', '#00796b', '#333333', '#c2185b'];

  function drawOne(figure) {
    var table = document.getElementById(figure.getAttribute('data-chart-for'));
    var canvas = figure.querySelector('canvas');
    if (!table || !canvas) {
      return;
    }

    var headings = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var rows = Array.prototype.filter.call(table.querySelectorAll('tbody tr'), function (row) {
      return !row.hasAttribute('data-total');
    });
    var datasets = [];
    headings.forEach(function (th, index) {
      if (!th.hasAttribute('data-series')) {
        return;
      }

      var colour = colours[datasets.length % colours.length];
      datasets.push({
        label: th.textContent.trim(),
        data: rows.map(function (row) {
          var cell = row.children[index];
          var value = cell ? cell.getAttribute('data-value') : null;
          return value === null || value === '' ? null : Number(value);
        }),
        backgroundColor: colour,
        borderColor: colour
      });
    });
    if (datasets.length === 0) {
      return;
    }

    var unit = table.getAttribute('data-unit') || '';
    figure.hidden = false;
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map(function (row) { return row.querySelector('th').textContent.trim(); }),
        datasets: datasets
      },
      options: {
        indexAxis: rows.length > 8 ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true }, x: { beginAtZero: true } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + c.formattedValue + unit; } } }
        }
      }
    });
  }

  function draw() {
    if (typeof window.Chart !== 'function') {
      return;
    }

    Array.prototype.forEach.call(document.querySelectorAll('figure[data-chart-for]'), drawOne);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
