// A link that exists only in the rendered page, not in the HTML the server sends.
{
  const link = document.createElement('a');
  link.href = '/spa-only';
  link.textContent = 'New arrivals';
  document.getElementById('nav').appendChild(link);
}
