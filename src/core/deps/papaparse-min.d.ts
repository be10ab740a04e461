// Types of papaparse's minified build: the same module as `papaparse` (see ./papaparse.ts).
declare module 'papaparse/papaparse.min.js' {
  import Papa from 'papaparse';
  export default Papa;
}
