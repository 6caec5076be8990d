// Writes docs/config.md, the config reference, from schema.json: every key with its type, its rules and
// the text editors show on hover, then each preset's options. Run by the build; a unit test keeps the
// committed file equal to what this makes, so the reference cannot drift from the schema.
type Json = { [key: string]: any } // eslint-disable-line @typescript-eslint/no-explicit-any

export function configReference(schema: Json): string {
  const rows: string[] = []
  walk(schema, '', rows)
  const presets = (schema.properties.services.additionalProperties.allOf ?? []) as Json[]
  const sections = presets.map((branch) => {
    const id = branch.if.properties.preset.const as string
    const options = branch.then.properties.options as Json
    const required: string[] = options.required ?? []
    const lines = Object.entries(options.properties as Json).map(
      ([key, option]) => `| \`${key}\` | ${cell(kind(option))}${required.includes(key) ? ', required' : ''} | ${cell(option.description)} |`,
    )
    return `### \`${id}\`\n\n| option | value | meaning |\n| --- | --- | --- |\n${lines.join('\n')}\n`
  })
  return [
    '# soglasie.config.json reference',
    '',
    'Generated from [`schema.json`](../schema.json) by `scripts/config-reference.ts` (run by `npm run build`);',
    'do not edit by hand. Every key not listed here is an error. `*` stands for an id you choose',
    '(1 to 40 Latin letters, digits, `-` or `_`).',
    '',
    '| key | value | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '## Preset options (`services.*.options`)',
    '',
    ...sections,
  ].join('\n')
}

function walk(shape: Json, path: string, rows: string[], mandatory = false): void {
  if (path) rows.push(`| \`${path}\` | ${cell(kind(shape))}${mandatory ? ', required' : ''} | ${cell(shape.description ?? '')} |`)
  const prefix = path ? path + '.' : ''
  for (const [key, inner] of Object.entries((shape.properties ?? {}) as Json)) {
    walk(inner, prefix + key, rows, shape.required?.includes(key))
  }
  if (typeof shape.additionalProperties === 'object') walk(shape.additionalProperties, prefix + '*', rows)
  if (shape.items) walk(shape.items, path + '[]', rows)
}

function kind(shape: Json): string {
  if (shape.anyOf) return (shape.anyOf as Json[]).map((s) => kind(s)).join(' or ')
  if (shape.enum) return (shape.enum as string[]).map((v) => `\`${JSON.stringify(v)}\``).join(', ')
  const rules = [
    shape.pattern && `matching \`${shape.pattern}\``,
    shape.minimum !== undefined && shape.maximum !== undefined && shape.maximum < 2 ** 40 && `${shape.minimum} to ${shape.maximum}`,
    shape.minimum !== undefined && (shape.maximum === undefined || shape.maximum >= 2 ** 40) && `≥ ${shape.minimum}`,
    shape.minLength && 'not empty',
  ].filter(Boolean)
  const type = shape.type === 'array' ? 'list' : (shape.type ?? 'any')
  return `${type}${rules.length ? ' ' + rules.join(', ') : ''}`
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}
