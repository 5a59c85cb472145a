/**
 * SPDX licence ids accepted for data sets: the open data and content licences depositors use,
 * plus common software licences for code files. (The full SPDX list has 600+ ids, mostly software.)
 */
export const SPDX_LICENCES: readonly { id: string; name: string }[] = [
  { id: 'CC0-1.0', name: 'Creative Commons Zero v1.0 Universal' },
  { id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0 International' },
  { id: 'CC-BY-SA-4.0', name: 'Creative Commons Attribution Share Alike 4.0 International' },
  { id: 'CC-BY-NC-4.0', name: 'Creative Commons Attribution Non Commercial 4.0 International' },
  { id: 'CC-BY-NC-SA-4.0', name: 'Creative Commons Attribution Non Commercial Share Alike 4.0 International' },
  { id: 'CC-BY-ND-4.0', name: 'Creative Commons Attribution No Derivatives 4.0 International' },
  { id: 'CC-BY-NC-ND-4.0', name: 'Creative Commons Attribution Non Commercial No Derivatives 4.0 International' },
  { id: 'CC-BY-3.0', name: 'Creative Commons Attribution 3.0 Unported' },
  { id: 'CC-BY-SA-3.0', name: 'Creative Commons Attribution Share Alike 3.0 Unported' },
  { id: 'ODbL-1.0', name: 'Open Data Commons Open Database License v1.0' },
  { id: 'ODC-By-1.0', name: 'Open Data Commons Attribution License v1.0' },
  { id: 'PDDL-1.0', name: 'Open Data Commons Public Domain Dedication & License 1.0' },
  { id: 'CDLA-Permissive-2.0', name: 'Community Data License Agreement Permissive 2.0' },
  { id: 'CDLA-Sharing-1.0', name: 'Community Data License Agreement Sharing 1.0' },
  { id: 'OGL-UK-3.0', name: 'Open Government Licence v3.0' },
  { id: 'etalab-2.0', name: 'Etalab Open License 2.0' },
  { id: 'MIT', name: 'MIT License' },
  { id: 'Apache-2.0', name: 'Apache License 2.0' },
  { id: 'GPL-3.0-or-later', name: 'GNU General Public License v3.0 or later' },
  { id: 'AGPL-3.0-or-later', name: 'GNU Affero General Public License v3.0 or later' },
  { id: 'LGPL-3.0-or-later', name: 'GNU Lesser General Public License v3.0 or later' },
  { id: 'BSD-3-Clause', name: 'BSD 3-Clause "New" or "Revised" License' },
  { id: 'GFDL-1.3-or-later', name: 'GNU Free Documentation License v1.3 or later' },
];

const IDS = new Set(SPDX_LICENCES.map((licence) => licence.id));

export function isKnownLicence(id: string): boolean {
  return IDS.has(id);
}
