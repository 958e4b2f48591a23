// What the build's third-party-licences.json holds, in small: a few crates and npm packages and two
// licence texts. Tests that show "Over Draagkracht" mock `loadLicences` with it.
import type { ThirdPartyLicences } from '../features/about/licences';

export const MIT_TEXT = `MIT License

Copyright (c) The authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction.
`;

export const APACHE_TEXT = `Apache License
Version 2.0, January 2004

TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION
`;

export const LICENCES: ThirdPartyLicences = {
  generated: '2026-12-05',
  packages: [
    { name: 'rusqlite', version: '0.37.0', licence: 'MIT', source: 'crate', textId: 'mit' },
    { name: 'serde', version: '1.0.228', licence: 'MIT OR Apache-2.0', source: 'crate', textId: 'mit' },
    { name: 'tokio', version: '1.47.1', licence: 'MIT', source: 'crate', textId: 'mit' },
    { name: 'typst', version: '0.13.1', licence: 'Apache-2.0', source: 'crate', textId: 'apache' },
    { name: '@tauri-apps/api', version: '2.12.5', licence: 'Apache-2.0 OR MIT', source: 'npm', textId: 'apache' },
    { name: 'svelte', version: '5.57.3', licence: 'MIT', source: 'npm', textId: 'mit' },
  ],
  texts: { mit: MIT_TEXT, apache: APACHE_TEXT },
};
