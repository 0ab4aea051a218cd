// The LMS page's requests to its own server: JSON in, JSON (or nothing) out, and a one-line error otherwise.

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
