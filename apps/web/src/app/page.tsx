export default function HomePage() {
  return <main>P2Pvalue</main>;
}
