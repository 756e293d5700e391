// Legend swatches take their colour from data-color: inline style attributes are not allowed by the page's CSP.
'use strict';
document.querySelectorAll('.swatch[data-color]').forEach((swatch) => {
  swatch.style.backgroundColor = swatch.dataset.color;
});
