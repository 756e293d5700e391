// The operator API of a running platform, for the suites that start their own platform and those that get one.

/** Calls to the operator API of the platform at `url`, signed in with `token`. */
export const operatorCalls = (url, token) => async (method, path, body) => {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
};
